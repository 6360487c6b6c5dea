// Mail notifications in Tasklist (issue 15, part 1): 通知設定 for every user, 通知メールの送信状況 for administrators, at 1366×768.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { basicHeaders, LAPTOP, restStart, shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { ALL_YES, ZOOM as SHARED_ZOOM, TERMS_RISKS } from '../support/answers.js';

let app;
let browser;

before(async () => {
  app = await startApplication();
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

const ZOOM = { ...SHARED_ZOOM, serviceName: '通知の Zoom' };

async function submit(instanceId, user, variables) {
  const tasks = await (await fetch(`${app.baseUrl}/engine-rest/task?processInstanceId=${instanceId}`,
    { headers: basicHeaders(user) })).json();
  const body = { variables: Object.fromEntries(Object.entries(variables).map(([name, value]) =>
    [name, typeof value === 'object' && value !== null ? { value: JSON.stringify(value), type: 'Json' } : { value }])) };
  const response = await fetch(`${app.baseUrl}/engine-rest/task/${tasks[0].id}/submit-form`,
    { method: 'POST', headers: basicHeaders(user), body: JSON.stringify(body) });
  assert.equal(response.status, 204, await response.text());
}

test('通知設定は全員が、通知メールの送信状況は管理者だけが開ける', { timeout: 300_000 }, async () => {
  const started = await restStart(app.baseUrl, 'sato', 'external-service-application', ZOOM);
  await submit(started.id, 'sato', { contractType: 'TERMS_OF_USE', acceptedRisks: TERMS_RISKS, preparationDecision: 'PROCEED' });
  await submit(started.id, 'sato', { measuresSelfCheck: ALL_YES }); // the double check: a mail to 高橋

  let page = await tasklist(browser, app.baseUrl, 'takahashi', LAPTOP);
  await page.locator('[data-testid=notification-settings-link]').click();
  const settings = page.locator('[data-testid=notification-settings]');
  await settings.locator('input[type=checkbox]').first().waitFor({ timeout: 30_000 });
  assert.match(await settings.textContent(), /期限が近いタスク/);
  assert.doesNotMatch(await settings.textContent(), /DUE_SOON/);
  await settings.getByLabel('期限が近いタスク').uncheck();
  await settings.locator('button:has-text("保存する")').click();
  await settings.locator('text=保存しました').waitFor({ timeout: 15_000 });
  await shot(page, 'notifications-01-settings');
  assert.equal(await page.locator('[data-testid=notification-outbox-link]').count(), 0, 'not for staff');
  await page.context().close();

  page = await tasklist(browser, app.baseUrl, 'takahashi', LAPTOP);
  await page.locator('[data-testid=notification-settings-link]').click();
  await page.locator('[data-testid=notification-settings] input[type=checkbox]').first().waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('[data-testid=notification-settings]').getByLabel('期限が近いタスク').isChecked(), false);
  await page.context().close();

  page = await tasklist(browser, app.baseUrl, 'demo', LAPTOP);
  await page.locator('[data-testid=notification-outbox-link]').click({ timeout: 30_000 });
  const row = page.locator('[data-testid=notification-row]', { hasText: 'takahashi@example.jp' }).first();
  await row.waitFor({ timeout: 30_000 });
  const text = await row.textContent();
  assert.match(text, /新しいタスク：申請内容をダブルチェックする/);
  assert.match(text, /未送信/);
  assert.match(await page.locator('[data-testid=notification-outbox]').textContent(), /メールサーバーが設定されていない/);
  await row.locator('summary').click();
  assert.match(await row.textContent(), /受付番号：R\d+-\d{4}/);
  await shot(page, 'notifications-02-outbox');
  await page.context().close();
});
