// 申請一覧, drafts and the full correction, as staff use them at 1366×768 (issue 14).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { basicHeaders, LAPTOP, restStart, shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { completeAndWait, openTask, startDraft } from '../support/tasks.js';
import { ALL_YES, ZOOM, TERMS_RISKS } from '../support/answers.js';

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

async function openTaskOf(instanceId, user) {
  const tasks = await (await fetch(`${app.baseUrl}/engine-rest/task?processInstanceId=${instanceId}`,
    { headers: basicHeaders(user) })).json();
  return tasks[0];
}

async function submit(taskId, user, variables) {
  const body = { variables: Object.fromEntries(Object.entries(variables).map(([name, value]) =>
    [name, typeof value === 'object' && value !== null ? { value: JSON.stringify(value), type: 'Json' } : { value }])) };
  const response = await fetch(`${app.baseUrl}/engine-rest/task/${taskId}/submit-form`,
    { method: 'POST', headers: basicHeaders(user), body: JSON.stringify(body) });
  assert.equal(response.status, 204, await response.text());
}

async function openList(page) {
  await page.locator('[data-testid=applications-link]').click();
  await page.locator('[data-testid=applications-overlay] table').first().waitFor({ timeout: 30_000 });
}

test('下書き: 保存した申請書は、ブラウザーを閉じて開き直しても残っている', { timeout: 300_000 }, async () => {
  let page = await tasklist(browser, app.baseUrl, 'sato', LAPTOP);
  await startDraft(page, 'Teams');
  const form = page.locator('.fjs-container');
  await form.getByLabel('提供会社名').fill('日本マイクロソフト株式会社');
  await form.getByLabel('利用目的').fill('庁内の打合せ');
  await page.locator('button:has-text("保存")').first().click();
  await page.locator('[data-testid=draft-notice]', { hasText: '下書きを保存しました' }).waitFor({ timeout: 15_000 });
  await shot(page, 'applications-01-draft-saved');
  await page.context().close();

  page = await tasklist(browser, app.baseUrl, 'sato', LAPTOP); // a new browser: nothing in its storage
  await openTask(page, '自分のタスク', 'Teams：申請書を作成して提出する');
  assert.equal(await page.locator('.fjs-container').getByLabel('提供会社名').inputValue(), '日本マイクロソフト株式会社');
  assert.equal(await page.locator('.fjs-container').getByLabel('利用目的').inputValue(), '庁内の打合せ');
  await shot(page, 'applications-02-draft-resumed');

  await openList(page);
  const row = page.locator('[data-testid=application-row]', { hasText: 'Teams' });
  assert.match(await row.textContent(), /R\d+-\d{4}/);
  assert.match(await row.textContent(), /下書き/);
  assert.match(await row.textContent(), /申請書を作成して提出する/);
  await shot(page, 'applications-03-list-applicant');
  await page.context().close();
});

test('申請一覧: 所属長は部署の申請を、情報政策課はすべてを見る。他部署の申請は見えない', { timeout: 300_000 }, async () => {
  const kumin = await restStart(app.baseUrl, 'sato', 'external-service-application',
    { ...ZOOM, serviceName: '区民課の Zoom' });
  await restStart(app.baseUrl, 'suzuki', 'external-service-application',
    { ...ZOOM, serviceName: '福祉課の Zoom', serviceManager: 'suzuki' });

  let page = await tasklist(browser, app.baseUrl, 'tanaka', LAPTOP);
  await openList(page);
  let text = await page.locator('[data-testid=applications-overlay]').textContent();
  assert.match(text, /区民課の Zoom/);
  assert.doesNotMatch(text, /福祉課の Zoom/);
  assert.match(text, /利用に係るリスクを確認する/);
  assert.match(text, /佐藤 花子/);
  await shot(page, 'applications-04-list-unit-head');
  await page.context().close();

  page = await tasklist(browser, app.baseUrl, 'yamamoto', LAPTOP);
  await openList(page);
  text = await page.locator('[data-testid=applications-overlay]').textContent();
  assert.match(text, /区民課の Zoom/);
  assert.match(text, /福祉課の Zoom/);
  await shot(page, 'applications-05-list-policy-division');
  await page.locator('[data-testid=application-row]', { hasText: '福祉課の Zoom' }).click();
  await page.locator('[data-testid=application-record]').waitFor();
  const record = await page.locator('[data-testid=applications-overlay]').textContent();
  assert.match(record, /有料・無料無料/);
  assert.match(record, /鈴木 一郎/);
  await shot(page, 'applications-06-record');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'applications-07-record-print');
  await page.emulateMedia({ media: 'screen' });
  await page.locator('button:has-text("承認済みサービス")').click();
  await page.locator('text=承認済みサービス一覧').first().waitFor();
  await page.locator('[data-testid=registry-xlsx]').waitFor(); // loaded: the registry can be saved
  const xlsx = await page.request.get(`${app.baseUrl}/api/services/export.xlsx`);
  assert.equal(xlsx.status(), 200);
  assert.match(xlsx.headers()['content-type'], /spreadsheetml/);
  await shot(page, 'applications-08-approved-services');

  // Cockpit: the case in staff words beside the raw variables
  await page.goto(`${app.baseUrl}/camunda/app/cockpit/default/#/process-instance/${kumin.id}/runtime`);
  await page.locator('a:has-text("案件の内容"), li:has-text("案件の内容")').first().click({ timeout: 60_000 });
  await page.locator('[data-testid=case-record]').waitFor({ timeout: 30_000 });
  const inCockpit = await page.locator('[data-testid=case-record]').textContent();
  assert.match(inCockpit, /区民課の Zoom/);
  assert.match(inCockpit, /有料・無料無料/);
  await shot(page, 'applications-11-cockpit-case-record');
  await page.context().close();

  page = await tasklist(browser, app.baseUrl, 'suzuki', LAPTOP);
  await openList(page);
  text = await page.locator('[data-testid=applications-overlay]').textContent();
  assert.match(text, /福祉課の Zoom/);
  assert.doesNotMatch(text, /区民課の Zoom/);
  // a mail's link to another department's case opens nothing of it
  const kuminCase = (await (await fetch(`${app.baseUrl}/engine-rest/process-instance/${kumin.id}`,
    { headers: basicHeaders('sato') })).json()).businessKey;
  assert.match(kuminCase, /^R[0-9]+-[0-9]{4}$/);
  await openFresh(page, `${app.baseUrl}/camunda/app/tasklist/default/#/?case=${kuminCase}`);
  await page.locator('[data-testid=applications-overlay] .es-message').filter({ hasText: /./ }).waitFor();
  text = await page.locator('[data-testid=applications-overlay]').textContent();
  assert.doesNotMatch(text, /区民課の Zoom/);
  await page.context().close();

  // the link of a mail (notification/Notice.caseLink) opens the case's record in 申請一覧
  page = await tasklist(browser, app.baseUrl, 'sato', LAPTOP);
  await openFresh(page, `${app.baseUrl}/camunda/app/tasklist/default/#/?case=${kuminCase}`);
  await page.locator('[data-testid=application-record]').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('[data-testid=application-record]').textContent(), /区民課の Zoom/);
  await shot(page, 'applications-12-case-link');
  await page.context().close();
});

test('差し戻された申請は申請内容全体を修正でき、改めて判定される', { timeout: 300_000 }, async () => {
  const started = await restStart(app.baseUrl, 'sato', 'external-service-application', { ...ZOOM, serviceName: 'Webex' });
  await submit((await openTaskOf(started.id, 'sato')).id, 'sato',
    { contractType: 'TERMS_OF_USE', acceptedRisks: TERMS_RISKS, preparationDecision: 'PROCEED' });
  await submit((await openTaskOf(started.id, 'sato')).id, 'sato', { measuresSelfCheck: ALL_YES });
  await submit((await openTaskOf(started.id, 'takahashi')).id, 'takahashi',
    { doubleCheck: ALL_YES, doubleCheckDecision: 'RETURN', doubleCheckComment: '有料プランで契約する予定なら有料で申請してください' });

  const page = await tasklist(browser, app.baseUrl, 'sato', LAPTOP);
  await openList(page);
  assert.match(await page.locator('[data-testid=application-row]', { hasText: 'Webex' }).textContent(), /差戻し/);
  await page.locator('[data-testid=applications-overlay] button:has-text("閉じる")').click();
  await openTask(page, '自分のタスク', 'Webex：差し戻された申請を修正する');
  const form = page.locator('.fjs-container');
  await page.locator('text=有料プランで契約する予定なら有料で申請してください').first().waitFor();
  assert.equal(await form.getByLabel('提供会社名').inputValue(), 'Zoom Communications', 'the answers are kept');
  // form-js takes typed text with a delay, and a form drawn again (the draft arriving) empties the fields: answer
  // until the answers stay
  const paid = form.getByLabel('有料（区が費用を支払う、又は契約を締結する）');
  const note = form.getByLabel('対応内容（差し戻された申請の修正）');
  const answered = async () => await paid.isChecked() && await note.inputValue() === '有料プランの契約に変更しました';
  for (let i = 0; i < 5 && !(await answered()); i++) {
    await paid.check();
    await note.fill('有料プランの契約に変更しました');
    await note.press('Tab');
    await page.waitForTimeout(1000);
  }
  assert.ok(await answered(), 'the corrections stay in the form');
  await shot(page, 'applications-09-correction');
  await completeAndWait(page);
  await shot(page, 'applications-10-corrected');

  let task = await openTaskOf(started.id, 'sato');
  for (let i = 0; i < 60 && task.taskDefinitionKey === 'Task_CorrectApplication'; i++) { // a busy machine
    await new Promise(resolve => setTimeout(resolve, 1000));
    task = await openTaskOf(started.id, 'sato');
  }
  assert.equal(task.taskDefinitionKey, 'Task_AcceptRisks', 'classified again: the paid route asks for the risks');
  const route = await (await fetch(`${app.baseUrl}/engine-rest/process-instance/${started.id}/variables/route`,
    { headers: basicHeaders('sato') })).json();
  assert.equal(route.value, 'PAID');
  await page.context().close();
});

/**
 * Opens the address as a new document, as the link of a mail does. Going to it from a loaded Tasklist would only
 * change the hash, and Tasklist's router may rewrite the address (dropping ?case=) before a reload reads it.
 */
async function openFresh(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
}
