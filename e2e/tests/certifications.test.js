// Third-party certifications (issue 15, part 3): the applicant claims ISMAP in the application form's 第三者認証
// section (the fields appear once the box is ticked; the evidence is attached in the 添付ファイル tab), and an
// administrator imports the ISMAP list in the Admin dashboard, seeing every problem of a bad file by line.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { foreignWords, japanesePage, logIn, rest, visibleText } from '../support/locale.js';
import { completeAndWait, fillApplication, openTask, startDraft } from '../support/tasks.js';

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

test('管理者は ISMAP リストを取り込み、誤りのあるファイルは行と列を示して拒否される', async () => {
  const directory = tmpdir();
  const good = path.join(directory, 'ismap.csv');
  const bad = path.join(directory, 'ismap-bad.csv');
  writeFileSync(good, '\uFEFF登録番号,クラウドサービス名,クラウドサービス事業者名,登録日\n'
    + 'C21-0001-1,kintone,サイボウズ株式会社,2021/03/12\n');
  writeFileSync(bad, '登録番号,サービス名,事業者名,登録日\nC21-0001-1,kintone,サイボウズ株式会社,2021/13/40\n');

  const page = await japanesePage(browser, app.baseUrl, 'admin');
  await logIn(page, 'demo', 'text=第三者認証リストの取込');
  const form = page.locator('[data-testid=certification-list-form]');
  await form.waitFor();
  await form.locator('input[type=file]').setInputFiles(bad);
  await form.locator('button').click();
  const message = page.locator('[data-testid=certification-list-message]');
  await message.locator('text=2 行目').waitFor();
  await shot(page, 'certifications-01-refused');

  await form.locator('input[type=file]').setInputFiles(good);
  await form.locator('button').click();
  await message.locator('text=1 件を取り込みました').waitFor();
  await page.locator('.external-service-certification-lists td', { hasText: '1 件' }).waitFor();
  await shot(page, 'certifications-02-imported');
  const text = await visibleText(page, '.external-service-certification-lists');
  assert.deepEqual(foreignWords(text, ['CSV', 'UTF', 'Shift_JIS', 'LIU', 'demo']), []);
  await page.context().close();
});

test('申請者は ISMAP の登録番号・有効期限・証跡を記入して提出でき、項目はチェックしたときだけ表示される', async () => {
  const pdf = path.join(tmpdir(), 'ismap.pdf');
  writeFileSync(pdf, '%PDF-1.4\n% ISMAP registration\n');
  const page = await tasklist(browser, app.baseUrl, 'sato', { width: 1366, height: 768 });
  await startDraft(page, 'kintone');
  await page.locator('a:has-text("添付ファイル")').first().click();
  const attach = page.locator('[data-testid=attachment-form]');
  await attach.waitFor();
  await attach.locator('input[type=file]').setInputFiles(pdf);
  await attach.locator('button').click();
  await page.locator('[data-testid=attachment-list]', { hasText: 'ismap.pdf' }).waitFor();
  await page.locator('a:has-text("フォーム")').first().click();
  await page.locator('.fjs-container').first().waitFor();

  await fillApplication(page, 'sato');
  const form = page.locator('.fjs-container');
  const number = form.getByLabel('ISMAP 登録番号');
  assert.equal(await number.count(), 0, 'the number is asked only when ISMAP is ticked');
  await form.getByLabel('ISMAP（政府情報システムのためのセキュリティ評価制度）に登録されている').check();
  await number.waitFor();
  await number.fill('C21-0001-1');
  await form.getByLabel('証跡の添付ファイル名').fill('ismap.pdf');
  await form.getByLabel('有効期限').first().fill('2027/03/31');
  await page.keyboard.press('Enter');
  await number.click();
  await form.locator('text=4. 第三者認証').scrollIntoViewIfNeeded();
  await shot(page, 'certifications-03-claimed');
  await completeAndWait(page);

  const open = await rest(app.baseUrl, 'demo', 'GET', '/task?taskDefinitionKey=Task_FillInApplication');
  assert.equal(open.length, 0, 'the application was accepted by the server');
  const variables = await rest(app.baseUrl, 'demo', 'GET', '/variable-instance?variableName=certifications&deserializeValues=false');
  assert.match(variables[0].value, /C21-0001-1/);
  await page.context().close();
});

const basic = user => 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64');
const yes = keys => JSON.stringify(Object.fromEntries(keys.map(key => [key, 'YES'])));
const json = value => ({ value, type: 'Json' });

/** Completes the open task of the instance as {@code user} through the engine REST API, claiming it first. */
async function completeAs(user, instance, variables) {
  const [task] = await rest(app.baseUrl, user, 'GET', `/task?processInstanceId=${instance}`);
  if (!task.assignee) {
    await rest(app.baseUrl, user, 'POST', `/task/${task.id}/claim`, { userId: user });
  }
  await rest(app.baseUrl, user, 'POST', `/task/${task.id}/submit-form`, {
    variables: Object.fromEntries(Object.entries(variables).map(([name, value]) =>
      [name, typeof value === 'object' ? value : { value }]))
  });
}

test('審査者は申請の ISMAP 登録番号が取り込んだリストにあるか、登録日と取込日時を日本語で見る', async () => {
  const list = await fetch(`${app.baseUrl}/api/admin/certification-lists/ISMAP`, {
    method: 'POST', headers: { Authorization: basic('demo'), 'Content-Type': 'text/csv' },
    body: '登録番号,サービス名,事業者名,登録日\nC21-0100-1,Zoom Workplace,ZVC Japan株式会社,2022/06/01\n'
  });
  assert.equal(list.status, 200, await list.text());
  const { id: instance } = await rest(app.baseUrl, 'sato', 'POST',
    '/process-definition/key/external-service-application/submit-form',
    { variables: { serviceName: { value: 'Zoom Workplace' } } });
  const [draft] = await rest(app.baseUrl, 'sato', 'GET', `/task?processInstanceId=${instance}`);
  const upload = new FormData();
  upload.append('file', new Blob(['%PDF-1.4\n'], { type: 'application/pdf' }), 'ismap-zoom.pdf');
  const attached = await fetch(`${app.baseUrl}/api/tasks/${draft.id}/attachments`,
    { method: 'POST', headers: { Authorization: basic('sato') }, body: upload });
  assert.equal(attached.status, 201, await attached.text());
  await completeAs('sato', instance, {
    serviceName: 'Zoom Workplace', providerName: 'ZVC Japan株式会社', serviceDescription: 'Web 会議',
    serviceKind: 'CLOUD_INTERNET', serviceCategory: 'WEB_CONFERENCE', paid: false,
    informationTypes: json('["INTERNAL"]'), connectionZones: json('["INTERNET"]'), exemption: 'NONE',
    purpose: '庁外との会議', businessScope: '区民課', users: '区民課 全員', userCount: 30,
    periodStart: '2027-04-01', periodEnd: '2028-03-31', serviceManager: 'sato',
    certifications: json(JSON.stringify({ ismap: true, ismapNumber: 'C21-0100-1', ismapValidUntil: '2027-12-31',
      ismapEvidence: 'ismap-zoom.pdf', soc2: true, soc2Number: 'SOC2-2026-01', soc2ValidUntil: '2027-06-30',
      soc2Evidence: 'ismap-zoom.pdf' }))
  });
  await completeAs('sato', instance, { contractType: 'TERMS_OF_USE', preparationDecision: 'PROCEED',
    acceptedRisks: json('["C1","C2","C3","C4","C5","Y1","Y2","Y3","Y4","Y5","Y6","Y7"]') });
  const items = ['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7', 'item8'];
  await completeAs('sato', instance, { measuresSelfCheck: json(yes(items)) });
  await completeAs('takahashi', instance, { doubleCheck: json(yes(items)), doubleCheckDecision: 'FORWARD' });

  const page = await tasklist(browser, app.baseUrl, 'nakamura', { width: 1366, height: 768 });
  await openTask(page, 'グループのタスク', 'Zoom Workplace：利用申請を審査する');
  const table = page.locator('.fjs-form-field-table', { hasText: '第三者認証' });
  await table.scrollIntoViewIfNeeded();
  const text = await table.innerText();
  assert.match(text, /掲載あり・登録番号が一致/);
  assert.match(text, /登録日 2022年6月1日/);
  assert.match(text, /公表リストとの照合の対象外/);
  assert.match(text, /に取込（1 件）/);
  assert.deepEqual(foreignWords(text, ['Workplace', 'ZVC', 'Japan', 'SOC', 'LIU', 'IEC']), []);
  await table.screenshot({ path: path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'target', 'e2e', 'certifications-04-review.png') });
  await page.context().close();
});
