// Japanese everywhere a municipal user looks (issue 14, 「日本語で、どこを見ても」): the login pages, Tasklist with
// its forms, date picker, relative dates and messages, names in 姓 名 order, no Camunda 8 banner, DMN headings in
// Cockpit and Admin's user list. Pages at 1366×768; screenshots in target/e2e/japanese-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import path from 'node:path';
import { screenshots, startApplication, startBrowser } from '../support/app.js';
import { foreignWords, japanesePage, logIn, rest, view, visibleText } from '../support/locale.js';

let app;
let browser;

// Text the lead's application forms still carry (developer notes, issue 14 finding 5, being rewritten at the same
// time); the scan of the form tolerates these words only.
const FORM_NOTES_IN_REWORK = [];

function inDays(days) {
  return new Date(Date.now() + days * 86_400_000 + 3_600_000).toISOString().replace('Z', '+0000');
}

before(async () => {
  app = await startApplication();
  browser = await startBrowser();
  // A task of sato's with a due date in 14 days, independent of the application process being reworked.
  await rest(app.baseUrl, 'demo', 'POST', '/task/create', {
    id: 'japanese-check-task', name: '区民課からの確認依頼', assignee: 'sato', due: inDays(14)
  });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('ログイン画面とようこそ画面は日本語で、移行の案内は表示されない', async () => {
  for (const webapp of ['tasklist', 'welcome', 'cockpit', 'admin']) {
    const page = await japanesePage(browser, app.baseUrl, webapp);
    await page.waitForTimeout(500);
    const text = await visibleText(page);
    assert.doesNotMatch(text, /Welcome|Tasklist|Cockpit|Admin|Camunda 8/, `${webapp}: ${text}`);
    assert.deepEqual(foreignWords(text), [], `${webapp} login: ${text}`);
    await view(page, `japanese-01-login-${webapp}`);
    await page.context().close();
  }
});

test('タスク一覧: 姓 名の順、相対日時は日本語、優先度の数字と移行の案内とタスクを作成は出ない', async () => {
  const page = await japanesePage(browser, app.baseUrl);
  await logIn(page, 'sato');
  const card = page.locator('li.task', { hasText: '区民課からの確認依頼' }).first();
  await card.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);

  const header = await visibleText(page, '[cam-widget-header]');
  assert.match(header, /佐藤 花子/);
  assert.doesNotMatch(header, /花子 佐藤/);
  assert.equal(await page.locator('.ce-eol-banner').isVisible().catch(() => false), false, 'migration banner hidden');
  assert.match(header, /申請する/);
  assert.doesNotMatch(header, /タスクを作成|プロセスを開始/);

  const cardText = await card.innerText();
  assert.match(cardText, /期限\s*14日後/, cardText);
  assert.match(cardText, /作成日時\s*(数秒|\d+分)前/, cardText);
  assert.doesNotMatch(cardText, /\bin \d+ days\b|\bago\b|seconds/, cardText);
  assert.doesNotMatch(cardText, /(^|\s)50(\s|$)/, 'no bare priority: ' + cardText);

  await card.locator('h4 a').first().click();
  await page.locator('[cam-tasklist-task] h2', { hasText: '区民課からの確認依頼' }).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  const meta = await visibleText(page, '[cam-tasklist-task-meta]');
  assert.match(meta, /再確認日を設定/, meta);
  assert.doesNotMatch(meta, /フォローアップ|グループを追加/, meta);
  assert.match(meta, /14日後/, meta);
  assert.match(meta, /佐藤 花子/, meta);

  const text = await visibleText(page);
  assert.deepEqual(foreignWords(text), [], text);
  await view(page, 'japanese-02-task');

  // Printing gives the task, not the Tasklist around it.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[cam-widget-header]').isVisible(), false, 'no header in print');
  assert.equal(await page.locator('text=自分のタスク').first().isVisible(), false, 'no filter list in print');
  assert.equal(await page.locator('h2', { hasText: '区民課からの確認依頼' }).first().isVisible(), true,
    'the task title is printed');
  await page.screenshot({ path: path.join(screenshots, 'japanese-03-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.context().close();
});

test('申請フォーム: 空で申請すると日本語の必須メッセージ、日付選択も日本語、サーバーの拒否はボタンの近くに一つだけ', async () => {
  const page = await japanesePage(browser, app.baseUrl);
  await logIn(page, 'sato');
  await page.locator('[cam-widget-header] a', { hasText: '申請する' }).first().click();
  await page.locator('.modal-body a', { hasText: '外部サービス利用申請' }).first().click();
  await page.locator('.modal .fjs-container').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  assert.match(await visibleText(page, '.modal-header'), /申請する/);
  await view(page, 'japanese-04-start-form');

  await page.locator('.modal-footer button', { hasText: '申請する' }).click();
  await page.locator('.fjs-form-field-error').first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  const errors = await page.locator('.fjs-form-field-error').allInnerTexts();
  const hint = await page.locator('[data-testid=form-message]').innerText();
  assert.match(hint, /申請できませんでした/, hint);
  assert.match(hint, /赤字で示した \d+ か所の入力を確認してください/, hint);
  const hintBox = await page.locator('[data-testid=form-message]').boundingBox();
  assert.ok(hintBox && hintBox.y >= 0 && hintBox.y + hintBox.height <= 768, 'the hint is in view');
  assert.ok(errors.length > 0);
  assert.ok(errors.some(error => error.includes('必須項目です')), errors.join(' / '));
  const modal = await visibleText(page, '.modal-content');
  assert.doesNotMatch(modal, /Field is required|Field must|Select\b|yyyy|Cannot/, modal);
  assert.deepEqual(foreignWords(modal, FORM_NOTES_IN_REWORK), [], modal);
  const labels = await page.locator('.modal .fjs-form-field-label').evaluateAll(elements =>
    elements.map(element => getComputedStyle(element).whiteSpace));
  assert.ok(labels.length > 0 && labels.every(whiteSpace => whiteSpace === 'normal'), 'every label wraps: ' + labels);
  await view(page, 'japanese-04-required-near-button');

  const dateInput = page.locator('.modal .fjs-container input[placeholder^="年/月/日"]').first();
  if (await dateInput.count()) {
    await dateInput.scrollIntoViewIfNeeded();
    await dateInput.click();
    const calendar = page.locator('.flatpickr-calendar.open').first();
    await calendar.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500); // flatpickr fades in
    const calendarText = await calendar.innerText();
    assert.match(calendarText, /日\s+月\s+火\s+水\s+木\s+金\s+土/, calendarText);
    assert.match(calendarText, /\d+月/, calendarText);
    assert.deepEqual(foreignWords(calendarText), [], calendarText);
    await view(page, 'japanese-05-datepicker');
    // Not Escape: in the start dialog it closes the dialog.
    await page.locator('.modal-header').click();
  }

  // A refusal as the engine words it, twice: one message, without the engine's prefix, English or field codes,
  // next to the button and in view.
  const refusal = 'Cannot instantiate process definition c3f230fe-ecae-11f1-bb20-02fc00000001: '
    + '入力内容に誤りがあります（Invalid input）： periodEnd: 利用期間の終了日は開始日以降にしてください'
    + '（must not be before periodStart） / serviceManager: 職員 ID「nobody」が見つかりません（no user with id \'nobody\'）';
  await page.evaluate(message => {
    const notifications = window.angular.element(document.documentElement).injector().get('Notifications');
    notifications.addError({ status: '申請できませんでした。', message });
    notifications.addError({ status: '申請できませんでした。', message });
  }, refusal);
  const nearButton = page.locator('[data-testid=form-message]');
  await nearButton.waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  const shown = await nearButton.innerText();
  assert.match(shown, /職員 ID「nobody」が見つかりません/);
  assert.match(shown, /利用期間の終了日は開始日以降にしてください/);
  assert.doesNotMatch(shown, /Cannot|instantiate|c3f230fe|Invalid|serviceManager|periodEnd|no user/, shown);
  assert.equal(await page.locator('[data-testid=form-message]').count(), 1);
  const box = await nearButton.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 768, 'the message is in view: ' + JSON.stringify(box));
  const alerts = await page.locator('[notifications-panel] .alert:visible, .notifications-panel .alert:visible').count();
  assert.ok(alerts <= 1, `notifications do not pile up (${alerts})`);
  const whole = await visibleText(page);
  assert.doesNotMatch(whole, /Cannot instantiate|ENGINE-|Exception/, whole);
  await view(page, 'japanese-06-refusal');
  await page.context().close();
});

test('Cockpit: DMN の見出しは日本語、Admin: ユーザー一覧は姓 名の順', async () => {
  const [decision] = await rest(app.baseUrl, 'demo', 'GET',
    '/decision-definition?key=network-zone-matrix&latestVersion=true');
  const cockpit = await japanesePage(browser, app.baseUrl, 'cockpit');
  await logIn(cockpit, 'demo', '[cam-widget-header]');
  await cockpit.goto(`${app.baseUrl}/camunda/app/cockpit/default/#/decision-definition/${decision.id}`);
  const table = cockpit.locator('.tjs-container').first();
  await table.waitFor({ timeout: 90_000 }); // slow when the machine is busy
  await cockpit.waitForTimeout(1000);
  const tableText = await table.innerText();
  assert.match(tableText, /ヒットポリシー/);
  assert.match(tableText, /条件/);
  assert.match(tableText, /結果/);
  assert.doesNotMatch(tableText, /Hit policy|\bWhen\b|\bThen\b|Annotations/, tableText);
  assert.match(await visibleText(cockpit, '[cam-widget-header]'), /デモ 管理者/);
  const switcher = await cockpit.locator('.app-switch .dropdown-menu').first().textContent();
  assert.match(switcher, /タスク一覧/, switcher);
  assert.doesNotMatch(switcher, /Tasklist|Admin|Welcome/, switcher);
  await view(cockpit, 'japanese-07-cockpit-dmn');
  await cockpit.context().close();

  const admin = await japanesePage(browser, app.baseUrl, 'admin');
  await logIn(admin, 'demo', '[cam-widget-header]');
  await admin.goto(`${app.baseUrl}/camunda/app/admin/default/#/users`);
  const row = admin.locator('tr', { hasText: 'sato@' }).first();
  await row.waitFor({ timeout: 30_000 });
  await admin.waitForTimeout(500);
  const cells = (await row.locator('td').allInnerTexts()).map(cell => cell.trim());
  assert.deepEqual(cells.slice(0, 3), ['sato', '佐藤', '花子'], cells.join(' | '));
  const heads = (await admin.locator('table thead th').allInnerTexts()).map(cell => cell.replace(/[*\s]/g, ''));
  assert.ok(heads.indexOf('姓') >= 0 && heads.indexOf('姓') < heads.indexOf('名'), heads.join(' | '));
  await view(admin, 'japanese-08-admin-users');
  await admin.context().close();
});

test('日本語の翻訳は英語の原本と同じキーをすべて持つ（英語に戻る箇所がない）', async () => {
  for (const webapp of ['tasklist', 'cockpit', 'admin', 'welcome']) {
    const read = async locale => (await (await fetch(
      `${app.baseUrl}/camunda/app/${webapp}/locales/${locale}.json`)).text()).replace(/^\uFEFF/, '');
    const english = JSON.parse(await read('en'));
    const japanese = JSON.parse(await read('ja'));
    const missing = Object.keys(english.labels).filter(key => !(key in japanese.labels));
    assert.deepEqual(missing, [], `${webapp}: keys without Japanese`);
    if (webapp === 'tasklist' || webapp === 'welcome') {
      // Staff's apps: nothing left in English but the vendor's name and the placeholders of empty values.
      const technical = ['APP_VENDOR', 'CAM_WIDGET_VARIABLES_TABLE_NULL', 'CAM_WIDGET_VARIABLE_NULL',
        'CAM_WIDGET_VARIABLE_UNDEFINED'];
      const untranslated = Object.keys(japanese.labels).filter(key => !technical.includes(key)
        && japanese.labels[key] === english.labels[key] && /[A-Za-z]{3,}/.test(japanese.labels[key]));
      assert.deepEqual(untranslated, [], `${webapp}: left in English`);
    }
  }
});
