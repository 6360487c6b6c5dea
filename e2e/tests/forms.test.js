// Forms that read well (issue 14, "What a user gets" 5 and 6), seen at 1366×768 as staff see them: the compact 別表,
// the double check beside the applicant's answers, the review and the decision without developer notes or empty
// values, a confirmation before a decision, and task cards that show サービス名, 部署 and ルート to every role.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { restStart, shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { answerAll, choose, completeAndWait, completeTask, openTask } from '../support/tasks.js';
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

/** Tasklist as {@code user}, at the size of a ward's office screen. */
async function screen(user) {
  const page = await tasklist(browser, app.baseUrl, user);
  await page.setViewportSize({ width: 1366, height: 768 });
  return page;
}

/**
 * Two screenshots: what the screen shows at 1366×768, and the whole form (the window made as tall as the form, as
 * one would scroll through it).
 */
async function shots(page, name) {
  await shot(page, name);
  const extra = await page.evaluate(() => {
    let most = 0;
    for (let node = document.querySelector('.fjs-container'); node; node = node.parentElement) {
      if (getComputedStyle(node).overflowY !== 'visible') {
        most = Math.max(most, node.scrollHeight - node.clientHeight);
      }
    }
    return most;
  });
  await page.setViewportSize({ width: 1366, height: 768 + extra });
  await page.waitForTimeout(300);
  await shot(page, `${name}-full`);
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** The text of the open form. */
async function formText(page) {
  return (await page.locator('.fjs-container').last().innerText()).replace(/[ \t]+/g, ' ');
}

/** What no staff screen may show: notes for developers and empty values. */
function assertReadsWell(text, where) {
  for (const developerNote of ['暫定版', 'ruling', '/api/', '根拠: 003']) {
    assert.ok(!text.includes(developerNote), `${where}: 「${developerNote}」 is a note for developers`);
  }
  assert.ok(!/（\s*）|\(\s*\)/.test(text), `${where}: empty brackets`);
  assert.ok(!/:\s*\n/.test(text + '\n'), `${where}: a label without a value:\n${text}`);
}

/** The card of {@code taskName} in the open filter: its text, as the list shows it. */
async function card(page, filter, taskName) {
  await page.locator(`text=${filter}`).first().click();
  const item = page.locator('li.task', { hasText: taskName }).first();
  await item.waitFor({ timeout: 30_000 });
  await item.locator('.variable-value').first().waitFor({ timeout: 30_000 });
  return item;
}

test('別表・ダブルチェック・審査・可否決定の画面と、役割ごとのタスクカード', { timeout: 600_000 }, async () => {
  await restStart(app.baseUrl, 'sato', 'external-service-application', SERVICE);

  // 申請者: 別表は 1 行 1 項目の表。19 項目に ○ を付けても 1 画面半ほどに収まる
  let page = await screen('sato');
  await openTask(page, '自分のタスク', 'kintone：別表の選定基準を確認する');
  const criteria = page.locator('[aria-labelledby$="-Group_SelectionCriteria"]');
  const firstRow = page.locator('.fjs-form-field-radio', { hasText: 'No.1（必須）' });
  const options = await firstRow.locator('label[for]').evaluateAll(labels => labels.map(l => l.getBoundingClientRect().top));
  assert.equal(options.length, 2, 'a mandatory item has no 「該当なし」');
  assert.ok(Math.abs(options[0] - options[1]) < 4, '○ and × sit side by side');
  assert.equal(await answerAll(page, '○ 満たす'), 19);
  await choose(page, '必須項目をすべて満たすので、申請を続ける');
  const criteriaHeight = (await criteria.boundingBox()).height;
  assert.ok(criteriaHeight < 1500, `the 別表 is compact (${criteriaHeight} px, was about 4,000 px)`);
  const selectionText = await formText(page);
  assertReadsWell(selectionText, '別表');
  assert.match(selectionText, /No\.32（必須）/);
  await shots(page, 'forms-01-selection-criteria');
  await completeAndWait(page);
  await openTask(page, '自分のタスク', 'kintone：セキュリティ対策 8 項目を自己チェックする');
  assert.equal(await answerAll(page, '○ 満たす'), 8);
  assertReadsWell(await formText(page), '自己チェック');
  await shots(page, 'forms-01b-self-check');
  await completeAndWait(page);
  await page.context().close();

  // 利用責任者: 案件を読めなくても、カードにサービス名・部署・ルートと期限があり、優先度の数字はない
  page = await screen('takahashi');
  const officerCard = await card(page, 'グループのタスク', 'kintone：申請内容をダブルチェックする');
  const officerCardText = await officerCard.innerText();
  assert.match(officerCardText, /サービス名:\s*kintone/);
  assert.match(officerCardText, /部署:\s*区民課/);
  assert.match(officerCardText, /ルート:\s*重要情報の取扱いあり/);
  assert.match(officerCardText, /期限/);
  assert.equal(await officerCard.locator('.priority').isVisible(), false, 'no bare priority number');
  await shot(page, 'forms-02-security-officer-cards');

  // ダブルチェック: 申請者の回答（左）と利用責任者の ○・×・／（右）が同じ行に並ぶ
  await openTask(page, 'グループのタスク', 'kintone：申請内容をダブルチェックする');
  const row = page.locator('.fjs-layout-row:has(input[id*="-Field_doubleCheck_item1-"])').last();
  const [item, applicant] = await row.locator('.fjs-form-field-text').allInnerTexts();
  assert.equal(item.trim(), '1. 事業者との通信は HTTPS 等で暗号化されているか');
  assert.equal(applicant.trim(), '○', "the applicant's answer");
  assert.deepEqual((await row.locator('label[for]').allInnerTexts()).map(text => text.trim()), ['○ 可', '× 不可', '／ 該当なし']);
  const applicantAnswer = await row.locator('.fjs-form-field-text').nth(1).boundingBox();
  const checkerAnswer = await row.locator('label[for]').first().boundingBox();
  assert.ok(applicantAnswer.x < checkerAnswer.x, "the applicant's answer is on the left");
  assert.ok(Math.abs(applicantAnswer.y - checkerAnswer.y) < 24, 'both answers are on one line');
  assert.equal(await answerAll(page, '○ 可'), 8);
  await choose(page, '問題ないので情報政策課の審査へ進める');
  const doubleCheckText = await formText(page);
  assertReadsWell(doubleCheckText, 'ダブルチェック');
  assert.match(doubleCheckText, /費用:\s*有料/);
  await shots(page, 'forms-03-double-check');
  await completeAndWait(page);
  await page.context().close();

  // 情報化企画: 案件を読めなくても、カードにサービス名と部署
  page = await screen('kimura');
  const planningCardText = await (await card(page, 'グループのタスク', 'kintone：情報化企画を審査する')).innerText();
  assert.match(planningCardText, /サービス名:\s*kintone/);
  assert.match(planningCardText, /部署:\s*区民課/);
  await openTask(page, 'グループのタスク', 'kintone：情報化企画を審査する');
  await choose(page, '承認する');
  await completeAndWait(page);
  await page.context().close();

  // 審査: 事前相談・特定通信・NISC・利用責任者のコメントは、何もなければ行ごと出さない
  page = await screen('yamamoto');
  await openTask(page, 'グループのタスク', 'kintone：利用申請を審査する');
  const reviewText = await formText(page);
  assertReadsWell(reviewText, '審査');
  assert.match(reviewText, /費用:\s*有料/);
  for (const absent of ['事前相談の結果', '特定通信の構成', 'NISC の助言:', '利用責任者のコメント']) {
    assert.ok(!reviewText.includes(absent), `審査: 「${absent}」 has no value and is left out`);
  }
  await shots(page, 'forms-04-review');
  await choose(page, '承認を推薦する');
  await completeAndWait(page);
  await page.context().close();

  // 可否決定: 審査の推薦に空の括弧はなく、審査者と審査日、有料/無料が出る。確認なしには完了しない
  page = await screen('kobayashi');
  await openTask(page, 'グループのタスク', 'kintone：利用の可否を決定する');
  const decisionText = await formText(page);
  assertReadsWell(decisionText, '可否決定');
  assert.match(decisionText, /審査の推薦:\s*承認を推薦\s*\n/);
  assert.match(decisionText, /審査者・審査日:\s*山本 大輔（\d{4}年\d{1,2}月\d{1,2}日）/);
  assert.match(decisionText, /費用:\s*有料/);
  assert.match(decisionText, /情報化企画:\s*承認/);
  await choose(page, '承認する');
  await completeTask(page);
  await page.waitForTimeout(1500);
  assert.ok(await page.locator('.fjs-container').last().isVisible(), 'not completed without the confirmation');
  // the refusal's notice lies over the buttons: close it as a user would
  for (const close of await page.locator('.page-notifications .close').all()) {
    await close.click().catch(() => {});
  }
  await page.locator('.fjs-container').last().getByLabel('この内容で決定します').check();
  await shots(page, 'forms-05-decision');
  await completeAndWait(page);
  assert.equal(await page.locator('li.task', { hasText: 'kintone：利用の可否を決定する' }).count(), 0,
    'completed once confirmed');
  await page.context().close();
});
