// Japanese-only checks for the browser tests (issue 14): a page as staff see it at 1366×768 in Tokyo, and a scan
// of the visible text for English words and raw codes.
import path from 'node:path';
import { screenshots } from './app.js';

export const VIEWPORT = { width: 1366, height: 768 };

/** Proper names and units staff read as they are (the allow-list of issue 14's scan). */
export const PROPER_NAMES = ['kintone', 'Google', 'Microsoft', 'LGWAN', 'Camunda', 'Platform', 'PDF', 'PNG', 'JPEG',
  'JPG', 'GIF', 'NISC', 'SNS', 'ASP', 'SaaS', 'IaaS', 'PaaS', 'Zoom', 'Web', 'LINE', 'Asia', 'Tokyo', 'ISMAP', 'URL'];

/** A Japanese browser page at 1366×768, Asia/Tokyo, on the login page of {@code app}. */
export async function japanesePage(browser, baseUrl, app = 'tasklist') {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo',
    extraHTTPHeaders: { 'Accept-Language': 'ja' }, viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/camunda/app/${app}/default/`);
  await page.locator('input[type=password]').waitFor({ timeout: 60_000 });
  return page;
}

/** Logs in on the page's login form (demo password = user id) and waits for the app. */
export async function logIn(page, user, ready = 'text=自分のタスク') {
  await page.fill('input[type=text]', user);
  await page.fill('input[type=password]', user);
  await page.click('button[type=submit]');
  // the header is on the login page too: wait until the login form has gone, so the session exists
  await page.locator('input[type=password]').first().waitFor({ state: 'hidden', timeout: 60_000 });
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
}

/** The words of {@code text} that are English or raw codes, proper names left out. */
export function foreignWords(text, allowed = []) {
  const names = new Set([...PROPER_NAMES, ...allowed].map(name => name.toLowerCase()));
  const words = text.match(/\b[A-Za-z][A-Za-z_]{2,}\b/g) || [];
  return [...new Set(words.filter(word => !names.has(word.toLowerCase())))];
}

/** The visible text of the page (or of {@code selector}). */
export async function visibleText(page, selector = 'body') {
  return page.locator(selector).first().evaluate(element => element.innerText);
}

/** A viewport-sized screenshot (what the user sees) in target/e2e/. */
export async function view(page, name) {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** Calls the engine's REST API as {@code user}. */
export async function rest(baseUrl, user, method, resource, body) {
  const response = await fetch(`${baseUrl}/engine-rest${resource}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') }
  });
  if (!response.ok) {
    throw new Error(`${method} ${resource}: ${response.status} ${await response.text()}`);
  }
  return response.status === 204 ? null : response.json();
}
