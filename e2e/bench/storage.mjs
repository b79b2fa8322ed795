// The benchmark workspace in a page's real localStorage, shared by the benchmarks
// (browser.mjs) and the profile (profile.mjs). The site must serve target/bench's
// storage-1000.json as bench-storage-1000.json.

/** Stores the 1,000-account workspace in the context's real localStorage before the app's
 * first start, as a previous session would have left it; returns the characters stored. */
export async function store1000(page, url) {
  // In the page that then opens the app: a page of another process could start before
  // storage has taken every write, and see part of the workspace.
  await page.goto(`${url}manifest.webmanifest`);
  const chars = await page.evaluate(async () => {
    const data = await (await fetch('bench-storage-1000.json')).json();
    localStorage.clear();
    let n = 0;
    for (const [k, v] of Object.entries(data)) { localStorage.setItem(k, v); n += k.length + v.length; }
    return n;
  });
  // The browser's own request for a favicon of that page is not the app's error.
  page.errors?.splice(0);
  return chars;
}
