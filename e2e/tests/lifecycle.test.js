// The whole life of a paid service handling personal information, carried by the demo users in the Japanese
// Tasklist: application, double check, review beside 情報化企画, decision, registry, a checklist in operation,
// termination with the disposal certificate attached, and Cockpit.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { restStart, shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { START_BUTTON, START_LINK, answerAll, api, choose, completeAndWait, fill, fileApplication, openTask } from '../support/tasks.js';
import { KINTONE } from '../support/answers.js';

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

const SERVICE = KINTONE;

test('申請から承認、運用のチェック、廃棄証明を添付した終了まで', { timeout: 600_000 }, async () => {
  // 申請者: 日本語のブラウザでログインし、有料で個人情報を扱う kintone を申請する
  let page = await tasklist(browser, app.baseUrl, 'sato');
  await fileApplication(page, 'sato');
  await shot(page, 'lifecycle-00-application');

  // 申請者: 別表と 8 項目の自己チェック
  await openTask(page, '自分のタスク', 'kintone：別表の選定基準を確認する');
  assert.equal(await answerAll(page, '○ 満たす'), 19);
  await choose(page, '必須項目をすべて満たすので、申請を続ける');
  await shot(page, 'lifecycle-01-selection-criteria');
  await completeAndWait(page);
  await openTask(page, '自分のタスク', 'kintone：セキュリティ対策 8 項目を自己チェックする');
  assert.equal(await answerAll(page, '○ 満たす'), 8);
  await shot(page, 'lifecycle-02-self-check');
  await completeAndWait(page);
  await page.context().close();

  // 利用責任者: ダブルチェック
  page = await tasklist(browser, app.baseUrl, 'takahashi');
  await openTask(page, 'グループのタスク', 'kintone：申請内容をダブルチェックする');
  await answerAll(page, '○ 可');
  await choose(page, '問題ないので情報政策課の審査へ進める');
  await shot(page, 'lifecycle-03-double-check');
  await completeAndWait(page);
  await page.context().close();

  // 情報化企画と情報政策課の審査（並行）、情報政策課長の可否決定
  page = await tasklist(browser, app.baseUrl, 'kimura');
  await openTask(page, 'グループのタスク', 'kintone：情報化企画を審査する');
  await choose(page, '承認する');
  await shot(page, 'lifecycle-04-it-planning');
  await completeAndWait(page);
  await page.context().close();
  page = await tasklist(browser, app.baseUrl, 'yamamoto');
  await openTask(page, 'グループのタスク', 'kintone：利用申請を審査する');
  await choose(page, '承認を推薦する');
  await shot(page, 'lifecycle-05-review');
  await completeAndWait(page);
  await page.context().close();
  page = await tasklist(browser, app.baseUrl, 'kobayashi');
  await openTask(page, 'グループのタスク', 'kintone：利用の可否を決定する');
  const decisionForm = await page.locator('.fjs-container').last().textContent();
  assert.match(decisionForm, /審査の推薦:\s*承認を推薦/, 'codes are shown in Japanese');
  assert.match(decisionForm, /情報化企画:\s*承認/);
  assert.doesNotMatch(decisionForm, /APPROVE/);
  await choose(page, '承認する');
  await page.locator('.fjs-container').last().getByLabel('この内容で決定します').check();
  await shot(page, 'lifecycle-06-decision');
  await completeAndWait(page);
  await page.context().close();

  // サービス管理担当者: リスクの確認と契約締結日、導入時と運用開始時のチェック
  page = await tasklist(browser, app.baseUrl, 'sato');
  await openTask(page, '自分のタスク', 'kintone：約款による外部サービスのリスクを確認する');
  for (const risk of ['自由に利用', '一切の責任', '突然サービスが停止', '個々の対応']) {
    await page.locator('.fjs-container label', { hasText: risk }).first().click();
  }
  await shot(page, 'lifecycle-07-usage-risks');
  await completeAndWait(page);
  await openTask(page, '自分のタスク', 'kintone：契約締結日を記録する');
  await page.locator('.fjs-container').getByLabel('契約締結日').fill('2099/04/01');
  await page.keyboard.press('Enter');
  await completeAndWait(page);

  const services = await api(app.baseUrl, 'sato', '/api/services?q=kintone');
  assert.equal(services.length, 1);
  assert.equal(services[0].status, 'ACTIVE');
  assert.equal(services[0].serviceAdministrator, 'tanaka');
  const entryId = services[0].id;

  await openTask(page, '自分のタスク', 'kintone：導入時のセキュリティチェック（様式4）を記録する');
  assert.equal(await answerAll(page, '○ 実施済み'), 6);
  await completeAndWait(page);
  await openTask(page, '自分のタスク', 'kintone：運用開始時のセキュリティチェック（様式5）を記録する');
  assert.equal(await answerAll(page, '○ 実施済み'), 10);
  await shot(page, 'lifecycle-08-operation-checklist');
  await completeAndWait(page);

  // 利用終了: 終了確認書を提出
  await page.locator(START_LINK).first().click();
  await page.locator('text=外部サービスの利用終了').first().click();
  await page.locator('.fjs-container').waitFor();
  await fill(page, '承認済み外部サービス台帳の番号', entryId);
  await fill(page, '終了理由', '後継システムへ移行するため');
  await fill(page, '取り扱っていた情報の種類', '区民の相談記録');
  await page.locator('.fjs-container').last().getByLabel('終了日').fill('2099/12/31');
  await page.keyboard.press('Enter');
  await fill(page, '終了時の承諾内容', '解約申込書の控え');
  await fill(page, 'データ廃棄に関する証明', '廃棄証明は受領待ち');
  await answerAll(page, '○ 可');
  await choose(page, '様式3（外部サービス利用終了届出書）を提出する');
  await shot(page, 'lifecycle-09-termination-request');
  await page.locator(START_BUTTON).first().click();
  await page.waitForTimeout(2000);
  await page.context().close();

  // 利用責任者: 廃棄証明がないので差し戻す
  page = await tasklist(browser, app.baseUrl, 'takahashi');
  await openTask(page, 'グループのタスク', 'kintone：終了確認書をダブルチェックする');
  await answerAll(page, '○ 可');
  await page.locator('.fjs-form-field-radio', { hasText: '2. 廃棄証明を受け取っているか' }).locator('label', { hasText: '× 不可' }).click();
  await choose(page, '差し戻す（廃棄証明の取得など）');
  await fill(page, '差戻しの理由', '廃棄証明を添付してください');
  await completeAndWait(page);
  await page.context().close();

  // サービス管理担当者: 廃棄証明を添付して補完
  const certificate = path.join(tmpdir(), '廃棄証明.pdf');
  writeFileSync(certificate, '%PDF-1.4\n% certificate of data disposal\n');
  page = await tasklist(browser, app.baseUrl, 'sato');
  await openTask(page, '自分のタスク', 'kintone：終了手続を補完する');
  await page.locator('a:has-text("添付ファイル")').first().click();
  await page.locator('[data-testid=attachment-form] input[type=file]').setInputFiles(certificate);
  await page.locator('[data-testid=attachment-form] button').click();
  await page.locator('[data-testid=attachment-list]', { hasText: '廃棄証明.pdf' }).waitFor();
  await shot(page, 'lifecycle-10-certificate-attached');
  await page.locator('a:has-text("フォーム")').first().click();
  await page.locator('.fjs-container').waitFor();
  await fill(page, 'データ廃棄に関する証明', '廃棄証明書 No.2099-1231（添付ファイル）');
  await answerAll(page, '○ 可');
  await fill(page, '対応内容', '事業者から廃棄証明を受領し添付しました');
  await completeAndWait(page);
  await page.context().close();

  page = await tasklist(browser, app.baseUrl, 'takahashi');
  await openTask(page, 'グループのタスク', 'kintone：終了確認書をダブルチェックする');
  await answerAll(page, '○ 可');
  await choose(page, '終了を確認する');
  await completeAndWait(page);
  await page.context().close();

  page = await tasklist(browser, app.baseUrl, 'yamamoto');
  await openTask(page, 'グループのタスク', 'kintone：様式3 の終了届を受理する');
  await shot(page, 'lifecycle-11-termination-report');
  await completeAndWait(page);

  const entry = await api(app.baseUrl, 'yamamoto', `/api/services/${entryId}`);
  assert.equal(entry.status, 'TERMINATED');
  assert.equal(entry.endDate, '2099-12-31');

  // Cockpit: 情報政策課 follows the processes and the decisions of the rule tables
  await page.goto(`${app.baseUrl}/camunda/app/cockpit/default/#/processes`);
  await page.locator('text=外部サービス利用申請').first().waitFor();
  await shot(page, 'lifecycle-12-cockpit-processes');
  await page.goto(`${app.baseUrl}/camunda/app/cockpit/default/#/decisions`);
  await page.locator('text=ネットワーク分離による利用可否').first().click();
  await page.locator('text=/インターネット接続系/').first().waitFor({ timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(2000);
  await shot(page, 'lifecycle-13-cockpit-decision-history');
  await page.context().close();
});

test('利用責任者が自分の申請のダブルチェックを担当しようとすると、理由を示して拒否される', { timeout: 300_000 }, async () => {
  const own = await restStart(app.baseUrl, 'takahashi', 'external-service-application',
    { ...SERVICE, serviceName: 'Box', serviceCategory: 'ONLINE_STORAGE', paid: false, informationTypes: ['INTERNAL'],
      serviceManager: 'takahashi' });
  assert.ok(own.id);
  const page = await tasklist(browser, app.baseUrl, 'takahashi');
  await openTask(page, '自分のタスク', 'Box：利用に係るリスクを確認する');
  await choose(page, '約款・規約への同意で利用する');
  const risks = page.locator('.fjs-container .fjs-form-field-checklist label');
  for (let i = 0; i < await risks.count(); i++) {
    const text = await risks.nth(i).textContent();
    if (!text.includes('［契約書］')) {
      await risks.nth(i).click();
    }
  }
  await choose(page, 'リスクは許容できるので、申請を続ける');
  await completeAndWait(page);
  await openTask(page, '自分のタスク', 'Box：セキュリティ対策 8 項目を自己チェックする');
  await answerAll(page, '○ 満たす');
  await completeAndWait(page);
  // 担当しようとした時点で断られる（ruling R-15）: ダブルチェックは申請者本人には割り当てられない
  await openTask(page, 'グループのタスク', 'Box：申請内容をダブルチェックする');
  const refusal = page.locator('text=/申請者本人には割り当てられません/').first();
  await refusal.waitFor({ timeout: 15_000 });
  assert.ok(await refusal.isVisible());
  await shot(page, 'lifecycle-14-own-application-refused');
  await page.context().close();
});
