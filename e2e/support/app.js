// Starts the packaged application on a free port with a fresh in-memory database, and drives Tasklist in
// Debian's chromium (playwright-core, never a downloaded browser). Screenshots go to ../target/e2e/.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..', '..');
export const screenshots = path.join(projectRoot, 'target', 'e2e');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startApplication() {
  const jar = readdirSync(path.join(projectRoot, 'target')).find(name => /^external-service-approval-.*\.jar$/.test(name));
  if (!jar) {
    throw new Error('target/external-service-approval-*.jar is missing: run ./mvnw verify first');
  }
  const port = await freePort();
  const child = spawn('java', ['-jar', path.join(projectRoot, 'target', jar), `--server.port=${port}`,
    `--spring.datasource.url=jdbc:h2:mem:e2e-${port};DB_CLOSE_DELAY=-1`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', chunk => { output += chunk; });
  child.stderr.on('data', chunk => { output += chunk; });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!output.includes('Started ExternalServiceApprovalApplication')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error('the application did not start:\n' + output.slice(-3000));
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  return { baseUrl, stop: () => new Promise(resolve => { child.on("exit", resolve); child.kill("SIGTERM"); }) };
}

export async function startBrowser() {
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run']
  });
}

/** The screen size the issues are judged at. */
export const LAPTOP = { width: 1366, height: 768 };

/**
 * A Japanese browser page logged in to Tasklist as {@code user} (demo password = user id). A login that does not
 * arrive is tried once more in a fresh page (on a busy machine the first Tasklist load has been seen to stall), with
 * a screenshot and the page's text kept of the stalled attempt.
 */
export async function tasklist(browser, baseUrl, user, viewport = { width: 1400, height: 1000 }) {
  const context = await browser.newContext({ locale: 'ja-JP', extraHTTPHeaders: { 'Accept-Language': 'ja' },
    viewport, timezoneId: 'Asia/Tokyo' });
  for (let attempt = 1; ; attempt++) {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/`);
    const password = page.locator('input[type=password]');
    // the login form, or (a retry in the same browser) Tasklist itself
    await password.or(page.locator('text=自分のタスク')).first().waitFor({ timeout: 60_000 });
    if (await password.isVisible()) {
      await page.fill('input[type=text]', user);
      await password.fill(user);
      await page.click('button[type=submit]');
    }
    try {
      await page.locator('text=自分のタスク').first().waitFor({ timeout: 60_000 });
      return page;
    } catch (e) {
      await page.screenshot({ path: path.join(screenshots, `login-stalled-${user}-${attempt}.png`) }).catch(() => {});
      const text = await page.locator('body').innerText().catch(() => '');
      if (attempt >= 2) {
        throw new Error(`${user} did not reach 自分のタスク at ${page.url()}: ${text.slice(0, 500)}`, { cause: e });
      }
      console.log(`# login of ${user} stalled at ${page.url()}: ${text.slice(0, 200).replace(/\s+/g, ' ')}`);
      await page.close();
    }
  }
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

function basic(user) {
  return 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64');
}

function restVariables(variables) {
  return { variables: Object.fromEntries(Object.entries(variables).map(([name, value]) =>
    [name, typeof value === 'object' ? { value: JSON.stringify(value), type: 'Json' } : { value }])) };
}

async function post(baseUrl, user, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Authorization: basic(user) }
  });
  if (!response.ok) {
    throw new Error(`${path} failed: ${response.status} ${await response.text()}`);
  }
  return response.status === 204 ? null : response.json();
}

/**
 * Starts a process through the REST API as {@code user}, with variables as Tasklist submits them. An application
 * is filed as in Tasklist: the start form (the service name) opens the draft, the application form is submitted in
 * its task 「申請書を作成して提出する」.
 */
export async function restStart(baseUrl, user, key, variables) {
  if (key !== 'external-service-application') {
    return post(baseUrl, user, `/engine-rest/process-definition/key/${key}/submit-form`, restVariables(variables));
  }
  const instance = await post(baseUrl, user, `/engine-rest/process-definition/key/${key}/submit-form`,
    restVariables({ serviceName: variables.serviceName }));
  const tasks = await (await fetch(`${baseUrl}/engine-rest/task?processInstanceId=${instance.id}`,
    { headers: { Authorization: basic(user), Accept: 'application/json' } })).json();
  await post(baseUrl, user, `/engine-rest/task/${tasks[0].id}/submit-form`, restVariables(variables));
  return instance;
}

/** Headers of a JSON request to the REST API as {@code user} (the demo users' password is their id). */
export function basicHeaders(user) {
  return { Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64'), 'Content-Type': 'application/json',
    Accept: 'application/json' };
}
