// Picks which build of the app this page starts (scripts/split.mjs writes the list in).
// With our data stored, the returning build, whose main module holds the storage codec:
// it decodes that data sooner. Otherwise the first visit's, with less to download, which
// fetches the codec as a chunk once it has painted. Both builds work either way: this only
// picks the faster. It runs before the stylesheets, so the picked build's files are being
// fetched while they load.
window.accountPlannerBuild = (() => {
  const builds = __BUILDS__;
  let stored = false;
  try {
    // Our data keys, as `persist::codec::is_data_key` has them.
    for (let i = 0; i < localStorage.length && !stored; i++) {
      const key = localStorage.key(i) ?? '';
      stored = key.startsWith('account-planner/') && !key.startsWith('account-planner/quarantine/');
    }
  } catch {
    // Storage cannot be read here: the app says so itself once it has started.
  }
  const build = builds[stored ? 'returning' : 'firstVisit'];
  for (const { rel, href, integrity } of build.preload) {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    link.integrity = integrity;
    link.crossOrigin = 'anonymous';
    if (rel === 'preload') {
      link.as = 'fetch';
      link.type = 'application/wasm';
    }
    document.head.append(link);
  }
  return build;
})();
