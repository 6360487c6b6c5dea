// Withdrawal (取下げ) and copy from 申請一覧, as staff use them at 1366×768 (issue 16, item 4).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { basicHeaders, LAPTOP, restStart, shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { ZOOM } from '../support/answers.js';

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

async function openList(page) {
  await page.locator('[data-testid=applications-link]').click();
  await page.locator('[data-testid=applications-overlay] table').first().waitFor({ timeout: 30_000 });
}

test('取下げ: 申請一覧から理由を入力して取り下げ、取下げと理由が日本語で表示され、複製して新しい下書きを作る', { timeout: 300_000 },
  async () => {
    const instance = await restStart(app.baseUrl, 'sato', 'external-service-application',
      { ...ZOOM, serviceName: '取り下げる Zoom' });
    const caseNumber = (await (await fetch(`${app.baseUrl}/engine-rest/process-instance/${instance.id}`,
      { headers: basicHeaders('sato') })).json()).businessKey;

    const page = await tasklist(browser, app.baseUrl, 'sato', LAPTOP);
    await openList(page);
    await page.locator('[data-testid=application-row]', { hasText: '取り下げる Zoom' }).click();
    await page.locator('[data-testid=application-record]').waitFor();
    await page.locator('[data-testid=withdraw-button]').click();
    const dialog = page.locator('[data-testid=withdrawal-dialog]');
    await dialog.waitFor();

    // the reason is required
    await page.locator('[data-testid=withdrawal-next]').click();
    await dialog.locator('.es-field-error', { hasText: '取下げの理由を入力してください' }).waitFor();
    await shot(page, 'withdrawal-01-reason-required');

    await page.locator('[data-testid=withdrawal-reason]').fill('別の部署が同じサービスを申請済みのため');
    await page.locator('[data-testid=withdrawal-next]').click();
    await dialog.locator('text=取り下げてよろしいですか').waitFor();
    assert.match(await dialog.textContent(), /元に戻せません/);
    await shot(page, 'withdrawal-02-confirm');
    await page.locator('[data-testid=withdrawal-confirm]').click();

    await page.locator('[data-testid=record-notice]', { hasText: '申請を取り下げました' }).waitFor({ timeout: 30_000 });
    const record = await page.locator('[data-testid=application-record]').textContent();
    assert.match(record, /状態取下げ/);
    assert.match(record, /結果の理由別の部署が同じサービスを申請済みのため/);
    assert.match(record, /取り下げた人佐藤 花子/);
    const history = await page.locator('[data-testid=applications-overlay] table').last().textContent();
    assert.match(history, /申請の取下げ/);
    assert.equal(await page.locator('[data-testid=withdraw-button]').count(), 0, 'no second withdrawal');
    await shot(page, 'withdrawal-03-record-withdrawn');

    const tasks = await (await fetch(`${app.baseUrl}/engine-rest/task?processInstanceBusinessKey=${caseNumber}`,
      { headers: basicHeaders('demo') })).json();
    assert.deepEqual(tasks, [], 'every task of the case is gone');

    await page.locator('button:has-text("一覧に戻る")').click();
    const row = page.locator('[data-testid=application-row]', { hasText: '取り下げる Zoom' });
    await row.waitFor();
    const rowText = await row.textContent();
    assert.match(rowText, /取下げ：別の部署が同じサービスを申請済みのため（取り下げた人：佐藤 花子）/);
    await shot(page, 'withdrawal-04-list');

    // copy into a new draft: the form opens in Tasklist with the old answers
    await row.click();
    await page.locator('[data-testid=copy-button]').click();
    const form = page.locator('.fjs-container');
    await form.first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => {
      const input = [...document.querySelectorAll('.fjs-container input')].find(i => i.value === 'Zoom Communications');
      return !!input;
    }, null, { timeout: 30_000 });
    assert.equal(await form.getByLabel('提供会社名').inputValue(), 'Zoom Communications');
    assert.equal(await form.getByLabel('利用目的').inputValue(), 'オンライン相談');
    await shot(page, 'withdrawal-05-copied-draft');

    await openList(page);
    const drafts = page.locator('[data-testid=application-row]', { hasText: '取り下げる Zoom' });
    assert.equal(await drafts.count(), 2);
    assert.match(await drafts.first().textContent(), /下書き/);
    await shot(page, 'withdrawal-06-list-with-copy');
    await page.context().close();
  });
