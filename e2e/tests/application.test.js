// An applicant files an application in the Japanese Tasklist and sees which route it took and why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import path from 'node:path';
import { screenshots, shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { START_BUTTON, completeTask, fillApplication, openStartForm, startDraft } from '../support/tasks.js';

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

test('申請者が日本語のタスクリストで申請し、判定の結果と根拠を見る', async () => {
  const page = await tasklist(browser, app.baseUrl, 'sato');
  await shot(page, 'application-01-tasklist');
  await openStartForm(page);
  await shot(page, 'application-02-start-form');
  await page.locator('.fjs-container').getByLabel('提供サービス名').fill('kintone');
  await page.locator(START_BUTTON).first().click();
  await openTaskAfterStart(page);
  await fillApplication(page, 'sato');
  await shot(page, 'application-03-filled');
  await completeTask(page);
  const task = page.locator('text=kintone：別表の選定基準を確認する').first();
  await task.waitFor({ timeout: 30_000 });
  await task.click();
  await page.locator('text=判定の理由（根拠の規定）').waitFor();
  const form = await page.locator('.fjs-container').textContent();
  assert.match(form, /利用申請が必要/);
  assert.match(form, /重要情報の取扱いあり/);
  assert.match(form, /練馬区ガイドライン §9\(2\)/);
  await shot(page, 'application-04-classification');
  await page.context().close();
});

async function openTaskAfterStart(page) {
  const task = page.locator('text=kintone：申請書を作成して提出する').first();
  await task.waitFor({ timeout: 30_000 });
  await task.click();
  await page.locator('.fjs-container').first().waitFor({ timeout: 30_000 });
}

test('必須項目が空の申請は開始されず、フォームに誤りが示される', async () => {
  const page = await tasklist(browser, app.baseUrl, 'suzuki');
  await openStartForm(page);
  await page.locator(START_BUTTON).first().click();
  await page.locator('.fjs-form-field-error').first().waitFor();
  assert.ok(await page.locator('.fjs-container').isVisible(), 'the start form stays open');
  await shot(page, 'application-05-required-missing');
  await page.context().close();
});

test('サーバーで拒否された入力は、項目名と日本語の理由がタスクリストに表示される', async () => {
  const page = await tasklist(browser, app.baseUrl, 'suzuki');
  await startDraft(page);
  await fillApplication(page, 'nobody');
  await completeTask(page);
  const notice = page.locator('text=/職員 ID「nobody」が見つかりません/').first();
  await notice.waitFor({ timeout: 15_000 });
  await notice.scrollIntoViewIfNeeded();
  assert.ok(await notice.isVisible(), 'the server\'s message is shown to the user');
  await page.screenshot({ path: path.join(screenshots, 'application-06-server-validation.png') });
  await page.context().close();
});
