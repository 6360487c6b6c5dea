// Personnel changes (issue 16): the service manager of an approved service leaves 区民課; 情報政策課 sees the entry under
// 後任未定 in Tasklist's header and names a successor in the task 「後任を指名する」, at 1366×768, in Japanese.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { basicHeaders, LAPTOP, restStart, shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { ALL_YES, TERMS_RISKS, ZOOM as SHARED_ZOOM } from '../support/answers.js';
import { foreignWords, rest, visibleText } from '../support/locale.js';
import { choose, completeTask, fill } from '../support/tasks.js';

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

const ZOOM = { ...SHARED_ZOOM, serviceName: '後任の Zoom' };

/** Completes the open task of the application or its review as {@code user} through the engine REST API, claiming it first. */
async function submit(instanceId, user, variables) {
  let tasks = [];
  for (let i = 0; i < 60 && tasks.length === 0; i++) {
    const called = await rest(app.baseUrl, 'demo', 'GET', `/process-instance?superProcessInstance=${instanceId}`);
    for (const id of [instanceId, ...called.map(sub => sub.id)]) {
      tasks.push(...await rest(app.baseUrl, 'demo', 'GET', `/task?processInstanceId=${id}`));
    }
    if (tasks.length === 0) {
      await new Promise(resolve => setTimeout(resolve, 500)); // the job executor writes the registry first
    }
  }
  const [task] = tasks;
  assert.ok(task, 'an open task in ' + instanceId);
  if (!task.assignee) {
    await rest(app.baseUrl, user, 'POST', `/task/${task.id}/claim`, { userId: user });
  }
  await rest(app.baseUrl, user, 'POST', `/task/${task.id}/submit-form`, {
    variables: Object.fromEntries(Object.entries(variables).map(([name, value]) =>
      [name, typeof value === 'object' && value !== null ? { value: JSON.stringify(value), type: 'Json' } : { value }]))
  });
}

test('サービス管理担当者が異動すると、情報政策課は「後任未定」で台帳を見つけ、後任を指名する', { timeout: 400_000 }, async () => {
  const started = await restStart(app.baseUrl, 'sato', 'external-service-application', ZOOM);
  await submit(started.id, 'sato', { contractType: 'TERMS_OF_USE', acceptedRisks: TERMS_RISKS, preparationDecision: 'PROCEED' });
  await submit(started.id, 'sato', { measuresSelfCheck: ALL_YES });
  await submit(started.id, 'takahashi', { doubleCheck: ALL_YES, doubleCheckDecision: 'FORWARD' });
  await submit(started.id, 'nakamura', { reviewRecommendation: 'APPROVE' });
  await submit(started.id, 'kobayashi', { decisionChoice: 'APPROVE', decisionConfirmed: true });
  let entries = [];
  for (let i = 0; i < 60 && entries.length === 0; i++) {
    entries = await (await fetch(`${app.baseUrl}/api/services?q=${encodeURIComponent('後任の Zoom')}`,
      { headers: basicHeaders('nakamura') })).json();
    if (entries.length === 0) {
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
  assert.equal(entries.length, 1, 'approved and registered');
  const entryId = entries[0].id;

  // the directory synchronisation moves 佐藤 out of 区民課; the daily run of the watch finds it
  await rest(app.baseUrl, 'demo', 'DELETE', '/group/dept-kumin/members/sato');
  const [timer] = await rest(app.baseUrl, 'demo', 'GET', '/job?processDefinitionKey=successor-watch&timers=true');
  await rest(app.baseUrl, 'demo', 'POST', `/job/${timer.id}/execute`);

  const staff = await tasklist(browser, app.baseUrl, 'takahashi', LAPTOP);
  await staff.waitForTimeout(1500);
  assert.equal(await staff.locator('[data-testid=vacancies-link]').count(), 0, 'not for staff');
  await staff.context().close();

  const page = await tasklist(browser, app.baseUrl, 'nakamura', LAPTOP);
  await page.locator('[data-testid=vacancies-link]').click({ timeout: 30_000 });
  const row = page.locator('[data-testid=vacancy-row]', { hasText: entryId });
  await row.waitFor({ timeout: 30_000 });
  const text = await row.textContent();
  assert.match(text, /後任の Zoom/);
  assert.match(text, /区民課/);
  assert.match(text, /サービス管理担当者/);
  assert.match(text, /佐藤 花子（sato）/);
  assert.deepEqual(foreignWords(await visibleText(page, '[data-testid=vacancies]'), ['Zoom', 'REG', 'sato']), []);
  await shot(page, 'successors-01-list');

  await row.locator('[data-testid=vacancy-task-link]').click();
  await page.locator('.fjs-container').first().waitFor({ timeout: 30_000 });
  const claim = page.locator('button:has-text("担当する"), a:has-text("担当する")').first();
  if (await claim.isVisible().catch(() => false)) {
    await claim.click();
    await page.waitForTimeout(800);
  }
  const form = await visibleText(page, '.fjs-container');
  assert.match(form, /後任を指名する/);
  assert.match(form, /佐藤 花子（sato）/);
  await shot(page, 'successors-02-form');

  await choose(page, '後任を指名する');
  await fill(page, '後任のユーザーID', 'suzuki');
  await completeTask(page);
  const refusal = page.locator('.page-notifications', { hasText: 'suzuki は区民課の職員' });
  await refusal.waitFor({ timeout: 30_000 });
  assert.doesNotMatch(await refusal.innerText(), /successorId|member of/, 'the staff read Japanese only');
  await page.screenshot({ path: new URL('../../target/e2e/successors-03-refused.png', import.meta.url).pathname });
  // the refusal's notice lies over the buttons: close it as a user would
  for (const close of await page.locator('.page-notifications .close').all()) {
    await close.click().catch(() => {});
  }

  await fill(page, '後任のユーザーID', 'takahashi');
  await completeTask(page);
  let entry;
  for (let i = 0; i < 30; i++) {
    entry = await (await fetch(`${app.baseUrl}/api/services/${entryId}`, { headers: basicHeaders('nakamura') })).json();
    if (entry.serviceManager === 'takahashi') {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  assert.equal(entry.serviceManager, 'takahashi');
  assert.equal(entry.events.at(-1).eventType, 'SUCCESSOR_NAMED');
  assert.equal(entry.events.at(-1).actor, 'nakamura');
  await page.context().close();
});
