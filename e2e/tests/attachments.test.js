// Evidence is attached to a task in Tasklist's 添付ファイル tab and checked by the server.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { restStart, shot, startApplication, startBrowser, tasklist } from '../support/app.js';

let app;
let browser;

before(async () => {
  app = await startApplication();
  browser = await startBrowser();
  await restStart(app.baseUrl, 'sato', 'external-service-application', {
    serviceName: 'Zoom', providerName: 'Zoom Video Communications', serviceDescription: 'Web 会議',
    serviceKind: 'CLOUD_INTERNET', serviceCategory: 'WEB_CONFERENCE', paid: false, informationTypes: ['INTERNAL'],
    connectionZones: ['INTERNET'], exemption: 'NONE', purpose: '庁外との会議', businessScope: '区民課',
    users: '区民課 全員', userCount: 30, periodStart: '2027-04-01', periodEnd: '2028-03-31', serviceManager: 'sato'
  });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('約款の画面コピーを添付すると案件に保存され、偽装したファイルは理由付きで拒否される', async () => {
  const directory = tmpdir();
  const pdf = path.join(directory, '約款.pdf');
  const fake = path.join(directory, 'screenshot.png');
  writeFileSync(pdf, '%PDF-1.4\n% terms of use\n');
  writeFileSync(fake, 'not an image');

  const page = await tasklist(browser, app.baseUrl, 'sato');
  await page.locator('text=Zoom：利用に係るリスクを確認する').first().click();
  await page.locator('a:has-text("添付ファイル")').first().click();
  const form = page.locator('[data-testid=attachment-form]');
  await form.waitFor();

  await form.locator('input[type=file]').setInputFiles(fake);
  await form.locator('button').click();
  await page.locator('[data-testid=attachment-message]', { hasText: '一致しません' }).waitFor();
  await shot(page, 'attachments-01-refused');

  await form.locator('input[type=file]').setInputFiles(pdf);
  await form.locator('input[name=description]').fill('約款の第 12 条');
  await form.locator('button').click();
  await page.locator('[data-testid=attachment-message]', { hasText: '添付しました' }).waitFor();
  await page.locator('[data-testid=attachment-list]', { hasText: '約款.pdf' }).waitFor();
  const list = await page.locator('[data-testid=attachment-list]').textContent();
  assert.match(list, /約款\.pdf/);
  assert.match(list, /約款の第 12 条/);
  await shot(page, 'attachments-02-stored');
  await page.context().close();
});
