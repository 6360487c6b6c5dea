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
import { completeAndWait, fillApplication, startDraft } from '../support/tasks.js';

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
