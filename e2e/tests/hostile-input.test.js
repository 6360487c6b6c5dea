// Script payloads typed into every text field are stored as text and shown as text: in Tasklist (task list, task
// title, form summaries), in Cockpit's variable view and in the registry API. Nothing runs in the browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { restStart, shot, startApplication, startBrowser, tasklist } from '../support/app.js';

const PAYLOADS = {
  serviceName: '<script>window.__xss="serviceName"</script>Box{{7*7}}',
  providerName: '<img src=x onerror="window.__xss=\'providerName\'">',
  serviceDescription: '"><svg onload="window.__xss=\'serviceDescription\'">',
  purpose: '{{constructor.constructor(\'window.__xss="purpose"\')()}}',
  businessScope: '<a href="javascript:window.__xss=\'businessScope\'">link</a> **太字** [x](javascript:void(0))',
  users: '<iframe srcdoc="<script>parent.__xss=\'users\'</script>"></iframe>'
};

let app;
let browser;
let instance;

before(async () => {
  app = await startApplication();
  browser = await startBrowser();
  instance = await restStart(app.baseUrl, 'sato', 'external-service-application', {
    ...PAYLOADS, serviceKind: 'CLOUD_INTERNET', serviceCategory: 'ONLINE_STORAGE', paid: false,
    informationTypes: ['INTERNAL'], connectionZones: ['INTERNET'], exemption: 'NONE', userCount: 3,
    periodStart: '2027-04-01', periodEnd: '2028-03-31', serviceManager: 'sato'
  });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** Fails on any dialog the page opens (alert, confirm…), and lets the test read whether a payload ran. */
function watch(page) {
  const dialogs = [];
  page.on('dialog', async dialog => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return async () => {
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  };
}

/** Completes sato's open task of the case over REST, as Tasklist would submit it. */
async function restComplete(user, variables) {
  const auth = { Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64') };
  const tasks = await (await fetch(`${app.baseUrl}/engine-rest/task?processInstanceId=${instance.id}`,
    { headers: auth })).json();
  const body = { variables: Object.fromEntries(Object.entries(variables).map(([name, value]) =>
    [name, typeof value === 'object' ? { value: JSON.stringify(value), type: 'Json' } : { value }])) };
  const response = await fetch(`${app.baseUrl}/engine-rest/task/${tasks[0].id}/submit-form`, {
    method: 'POST', body: JSON.stringify(body), headers: { ...auth, 'Content-Type': 'application/json' } });
  assert.equal(response.status, 204, await response.text());
}

test('タスクリストでは、どの項目のスクリプトも書式も、入力したとおりの文字で表示され、実行されない', async () => {
  let page = await tasklist(browser, app.baseUrl, 'sato');
  let nothingRan = watch(page);
  const entry = page.locator('text=利用に係るリスクを確認する').first();
  await entry.waitFor({ timeout: 30_000 });
  assert.ok((await page.locator('body').innerText()).includes(PAYLOADS.serviceName),
    'the task list shows the name as typed, the template not evaluated');
  await entry.click();
  await page.locator('.fjs-container').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  let shown = await page.locator('.fjs-container').first().innerText();
  assert.ok(shown.includes(PAYLOADS.serviceName) && shown.includes(PAYLOADS.providerName), shown);
  await shot(page, 'hostile-01-applicant');
  await nothingRan();
  await page.context().close();

  // the department's double check shows the whole application
  await restComplete('sato', { contractType: 'TERMS_OF_USE', preparationDecision: 'PROCEED',
    acceptedRisks: ['C1', 'C2', 'C3', 'C4', 'C5', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7'] });
  await restComplete('sato', { measuresSelfCheck: Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 8].map(item => [`item${item}`, 'YES'])) });
  page = await tasklist(browser, app.baseUrl, 'takahashi');
  nothingRan = watch(page);
  await page.locator('text=グループのタスク').first().click();
  const check = page.locator('text=申請内容をダブルチェックする').first();
  await check.waitFor({ timeout: 30_000 });
  await check.click();
  await page.locator('.fjs-container').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  shown = await page.locator('.fjs-container').first().innerText();
  for (const [field, payload] of Object.entries(PAYLOADS)) {
    assert.ok(shown.includes(payload), `${field} is shown exactly as typed:\n${shown}`);
  }
  assert.equal(await page.locator('.fjs-container img, .fjs-container svg[onload], .fjs-container iframe, ' +
    '.fjs-container a[href^="javascript"]').count(), 0, 'no element was made from the input');
  await shot(page, 'hostile-02-double-check');
  await nothingRan();
  await page.context().close();
});

test('Cockpit の変数一覧でも、スクリプトは文字として表示され、実行されない', async () => {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const nothingRan = watch(page);
  await page.goto(`${app.baseUrl}/camunda/app/cockpit/default/`);
  await page.fill('input[type=text]', 'demo');
  await page.fill('input[type=password]', 'demo');
  await page.click('button[type=submit]');
  await page.waitForLoadState('networkidle');
  await page.goto(`${app.baseUrl}/camunda/app/cockpit/default/#/process-instance/${instance.id}/runtime`);
  const cell = page.locator('text=/window.__xss="serviceName"/').first();
  await cell.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  await shot(page, 'hostile-03-cockpit');
  await nothingRan();
  await context.close();
});
