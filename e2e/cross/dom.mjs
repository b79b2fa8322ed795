// Finding things the way a person does (by label, by button or link name), over plain
// WebDriver, so that the same journey runs in every engine.
import { By } from 'selenium-webdriver';

const TIMEOUT = 15000;

/** Runs `script` in the page until it returns something truthy. */
function waitFor(d, script, args, what) {
  return d.wait(() => d.executeScript(script, ...args), TIMEOUT, what);
}

/**
 * The control whose <label> reads `text` exactly. `within` is a CSS selector: the last
 * element it matches is searched (e.g. the newest card of a list).
 */
export function field(d, text, within = null) {
  return waitFor(d, `
    const [text, within] = arguments;
    const root = within ? [...document.querySelectorAll(within)].pop() : document;
    if (!root) return null;
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent.trim() === text);
    return label ? (label.control || document.getElementById(label.htmlFor)) : null;
  `, [text, within], `a field labelled “${text}”`);
}

/** A button by its text or accessible name. */
export function button(d, name, within = null) {
  return waitFor(d, `
    const [name, within] = arguments;
    const root = within ? [...document.querySelectorAll(within)].pop() : document;
    if (!root) return null;
    return [...root.querySelectorAll('button')]
      .find((b) => b.getAttribute('aria-label') === name || b.textContent.trim() === name) || null;
  `, [name, within], `a button “${name}”`);
}

/** A link by its text, optionally inside the element `within` selects. */
export function link(d, name, within = null) {
  return waitFor(d, `
    const [name, within] = arguments;
    const root = within ? document.querySelector(within) : document;
    if (!root) return null;
    return [...root.querySelectorAll('a')].find((a) => a.textContent.trim() === name) || null;
  `, [name, within], `a link “${name}”`);
}

export async function click(d, el) {
  await d.executeScript('arguments[0].scrollIntoView({block: "center"})', el);
  await el.click();
}

export const clickButton = async (d, name, within) => click(d, await button(d, name, within));
export const clickLink = async (d, name, within) => click(d, await link(d, name, within));

/** Types into an empty field, as a person does. */
export async function type(d, label, value, within = null) {
  const el = await field(d, label, within);
  await el.sendKeys(value);
  return el;
}

/**
 * Sets a date field. Engines differ in how keys reach a date input (the digit order follows
 * the locale, some show a text box), so the value is set as the picker would set it, with
 * the same events.
 */
export async function setDate(d, label, iso, within = null) {
  const el = await field(d, label, within);
  await d.executeScript(`
    const [el, v] = arguments;
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  `, el, iso);
}

/** The current value of a field (its property, not its initial attribute). */
export const valueOf = async (d, label, within) => d.executeScript('return arguments[0].value', await field(d, label, within));

/** Waits until the page shows `text`. */
export function seeText(d, text) {
  return waitFor(d, 'return document.body.innerText.includes(arguments[0]);', [text], `the text “${text}”`);
}

/** Waits until an element matching `css` exists. */
export function see(d, css) {
  return d.wait(async () => (await d.findElements(By.css(css))).length > 0, TIMEOUT, css);
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
