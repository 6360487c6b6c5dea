// 代理設定 in Tasklist (issue 16, absence): a 利用責任者 names a deputy, the deputy sees the double check with 代理 shown,
// administrators see everyone's — in Japanese, at 1366×768.
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

const ZOOM = { ...SHARED_ZOOM, serviceName: '代理の Zoom' };

/** A Japanese calendar day, YYYY-MM-DD, {@code days} from today. */
function japanDay(days) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}

async function submit(instanceId, user, variables) {
  const tasks = await (await fetch(`${app.baseUrl}/engine-rest/task?processInstanceId=${instanceId}`,
    { headers: basicHeaders(user) })).json();
  const body = { variables: Object.fromEntries(Object.entries(variables).map(([name, value]) =>
    [name, typeof value === 'object' && value !== null ? { value: JSON.stringify(value), type: 'Json' } : { value }])) };
  const response = await fetch(`${app.baseUrl}/engine-rest/task/${tasks[0].id}/submit-form`,
    { method: 'POST', headers: basicHeaders(user), body: JSON.stringify(body) });
  assert.equal(response.status, 204, await response.text());
}

test('利用責任者が代理者を指名し、代理者は「代理」と表示されたダブルチェックを担当できる', { timeout: 300_000 }, async () => {
  // 高橋 健 (利用責任者, 区民課) names 伊藤 美咲 for the coming days
  let page = await tasklist(browser, app.baseUrl, 'takahashi', LAPTOP);
  await page.locator('[data-testid=deputy-settings-link]').click({ timeout: 30_000 });
  const settings = page.locator('[data-testid=deputy-settings]');
  await settings.locator('text=まだ代理者を指名していません').waitFor({ timeout: 30_000 });
  await settings.locator('[data-testid=deputy-save]').click();
  await settings.locator('[data-field=deputy]:not(:empty)').waitFor({ timeout: 15_000 });
  const refused = await settings.textContent();
  assert.match(refused, /入力内容に誤りがあります/);
  assert.doesNotMatch(refused, /must|deputy|startsOn/, 'no English, no field ids');
  await shot(page, 'deputies-01-errors');

  await settings.locator('[data-testid=deputy-search-deputy]').fill('伊藤');
  // the search narrows the list to her (and chooses the only one found)
  await page.waitForFunction(() => {
    const options = document.querySelectorAll('[data-testid=deputy-pick-deputy] option');
    return options.length === 1 && options[0].textContent.includes('伊藤 美咲');
  }, null, { timeout: 15_000 });
  await settings.locator('[data-testid=deputy-pick-deputy]').selectOption('ito');
  await settings.locator('[data-testid=deputy-starts]').fill(japanDay(0));
  await settings.locator('[data-testid=deputy-ends]').fill(japanDay(3));
  await settings.getByLabel('理由').fill('研修のため不在');
  await settings.locator('[data-testid=deputy-save]').click();
  const row = settings.locator('[data-testid=deputy-row]').first();
  await row.waitFor({ timeout: 15_000 }).catch(async e => {
    await shot(page, 'deputies-02-not-named');
    throw e;
  });
  const listed = await row.textContent();
  assert.match(listed, /伊藤 美咲/);
  assert.match(listed, /福祉課/);
  assert.match(listed, /有効/);
  assert.match(listed, /研修のため不在/);
  assert.match(listed, /\d{4}年\d{1,2}月\d{1,2}日〜/);
  await shot(page, 'deputies-02-named');
  await page.context().close();

  // an application of 佐藤 花子 (区民課) reaches its double check: it comes to 伊藤 美咲 as 高橋 健's deputy
  const started = await restStart(app.baseUrl, 'sato', 'external-service-application', ZOOM);
  await submit(started.id, 'sato', { contractType: 'TERMS_OF_USE', acceptedRisks: TERMS_RISKS, preparationDecision: 'PROCEED' });
  await submit(started.id, 'sato', { measuresSelfCheck: ALL_YES });

  page = await tasklist(browser, app.baseUrl, 'ito', LAPTOP);
  await page.locator('text=グループのタスク').first().click();
  const card = page.locator('.tasks-list li, [class*=task]', { hasText: '代理の Zoom：申請内容をダブルチェックする' }).first();
  await card.waitFor({ timeout: 30_000 });
  assert.match(await card.textContent(), /伊藤 美咲（高橋 健 の代理）/);
  await card.locator('text=代理の Zoom：申請内容をダブルチェックする').first().click();
  await page.locator('.fjs-container').first().waitFor({ timeout: 30_000 });
  // the task's group by its name, not its id: the deputy is no member of it
  await page.locator('text=区民課 利用責任者').first().waitFor({ timeout: 30_000 });
  assert.doesNotMatch(await page.locator('body').textContent(), /security-officer-kumin/);
  await shot(page, 'deputies-03-deputy-task');
  await page.context().close();

  // administrators see everyone's, with the principal
  page = await tasklist(browser, app.baseUrl, 'demo', LAPTOP);
  await page.locator('[data-testid=deputy-settings-link]').click({ timeout: 30_000 });
  const all = page.locator('[data-testid=deputy-settings]');
  const adminRow = all.locator('[data-testid=deputy-row]', { hasText: '高橋 健' }).first();
  await adminRow.waitFor({ timeout: 30_000 });
  assert.match(await adminRow.textContent(), /伊藤 美咲/);
  await shot(page, 'deputies-04-administrator');
  await page.context().close();

  // staff without a role have no 代理設定
  page = await tasklist(browser, app.baseUrl, 'sato', LAPTOP);
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('[data-testid=deputy-settings-link]').count(), 0, 'not for staff without a role');
  await page.context().close();

  // 高橋 健 is back early and revokes it
  page = await tasklist(browser, app.baseUrl, 'takahashi', LAPTOP);
  await page.locator('[data-testid=deputy-settings-link]').click({ timeout: 30_000 });
  await page.locator('[data-testid=deputy-revoke]').first().click({ timeout: 30_000 });
  await page.locator('text=この代理設定を取り消しますか？').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=deputy-revoke-confirm]').click();
  await page.locator('[data-testid=deputy-row]', { hasText: '取消' }).first().waitFor({ timeout: 15_000 })
    .catch(async e => {
      await shot(page, 'deputies-05-not-revoked');
      throw e;
    });
  assert.match(await page.locator('[data-testid=deputy-row]').first().textContent(), /取消：高橋 健/);
  await shot(page, 'deputies-05-revoked');
  await page.context().close();
});
