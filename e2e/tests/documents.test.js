// The documents of a case (issue 15): 申請一覧 links the PDFs and the audit record of each case at 1366×768, and
// the 書類 tab of a task shows the documents of the task's case.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import path from 'node:path';
import { basicHeaders, LAPTOP, restStart, screenshots, shot, startApplication, startBrowser, tasklist } from '../support/app.js';
import { openTask } from '../support/tasks.js';
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

/** Who answers each step of the free route, with what. */
const STEPS = {
  Task_AcceptRisks: ['sato', { contractType: 'TERMS_OF_USE', acceptedRisks: TERMS_RISKS, preparationDecision: 'PROCEED' }],
  Task_SelfCheckMeasures: ['sato', { measuresSelfCheck: ALL_YES }],
  Task_DoubleCheck: ['takahashi', { doubleCheck: ALL_YES, doubleCheckDecision: 'FORWARD' }],
  Task_Review: ['yamamoto', { reviewRecommendation: 'APPROVE' }],
  Task_Decide: ['kobayashi', { decisionChoice: 'APPROVE', decisionReason: '区民向け相談に限って許可する', decisionConfirmed: true }],
  Task_AcknowledgeUsageRisks: ['sato', { acknowledgedRisks: ['RV1', 'RV2', 'RV3', 'RV4'] }]
};

async function json(path, user = 'demo') {
  return (await fetch(app.baseUrl + path, { headers: basicHeaders(user) })).json();
}

async function openTasks(instanceId) {
  const ids = [instanceId];
  for (let i = 0; i < ids.length; i++) {
    (await json(`/engine-rest/process-instance?superProcessInstance=${ids[i]}`)).forEach(sub => ids.push(sub.id));
  }
  return json(`/engine-rest/task?processInstanceIdIn=${ids.join(',')}`);
}

/** Completes the case's tasks over REST until {@code stopAt} is open or none is left. */
async function walk(instanceId, stopAt) {
  for (let round = 0; round < 20; round++) {
    let tasks = await openTasks(instanceId);
    for (let wait = 0; !tasks.length && wait < 20; wait++) { // the registry write runs as a job
      const state = (await json(`/engine-rest/history/process-instance/${instanceId}`)).state;
      if (state !== 'ACTIVE') {
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
      tasks = await openTasks(instanceId);
    }
    const task = tasks[0];
    if (!task || task.taskDefinitionKey === stopAt) {
      return;
    }
    const [user, variables] = STEPS[task.taskDefinitionKey] || [];
    assert.ok(user, 'the walk does not expect ' + task.taskDefinitionKey);
    const body = { variables: Object.fromEntries(Object.entries(variables).map(([name, value]) =>
      [name, typeof value === 'object' ? { value: JSON.stringify(value), type: 'Json' } : { value }])) };
    const response = await fetch(`${app.baseUrl}/engine-rest/task/${task.id}/submit-form`,
      { method: 'POST', headers: basicHeaders(user), body: JSON.stringify(body) });
    assert.equal(response.status, 204, await response.text());
  }
}

test('書類: 申請一覧から申請書・決定通知書の PDF が開け、タスクの「書類」タブにその案件の書類が出る', { timeout: 400_000 }, async () => {
  const instance = await restStart(app.baseUrl, 'sato', 'external-service-application', ZOOM);
  await walk(instance.id, 'Task_Decide');

  // the decider sees the case's documents in the task view
  let page = await tasklist(browser, app.baseUrl, 'kobayashi', LAPTOP);
  await openTask(page, 'グループのタスク', 'Zoom：利用の可否を決定する');
  await page.locator('a:has-text("書類")').first().click();
  const taskLinks = page.locator('[data-testid=task-document-link]');
  await taskLinks.first().waitFor({ timeout: 30_000 });
  const labels = await taskLinks.allInnerTexts();
  assert.ok(labels.includes('申請書 (PDF)'), labels.join(','));
  assert.ok(!labels.some(label => label.startsWith('決定通知書')), 'not decided yet: ' + labels.join(','));
  await shot(page, 'documents-01-task-tab');
  await page.context().close();

  await walk(instance.id, null);

  page = await tasklist(browser, app.baseUrl, 'sato', LAPTOP);
  await page.locator('[data-testid=applications-link]').click();
  const row = page.locator('[data-testid=application-row]', { hasText: 'Zoom' });
  await row.waitFor({ timeout: 30_000 });
  const links = row.locator('[data-testid=document-link]');
  assert.deepEqual(await links.allInnerTexts(), ['申請書 (PDF)', '決定通知書 (PDF)', '監査記録 (CSV)']);
  // the screen as staff see it at 1366×768
  await page.screenshot({ path: path.join(screenshots, 'documents-02-applications.png') });
  await shot(page, 'documents-02-applications-full');

  for (const file of ['application.pdf', 'decision.pdf']) {
    const href = await row.locator(`[data-document="${file}"]`).getAttribute('href');
    const response = await page.request.get(app.baseUrl + href); // with sato's session
    assert.equal(response.status(), 200, file);
    assert.match(response.headers()['content-type'], /^application\/pdf/);
    assert.equal((await response.body()).subarray(0, 5).toString(), '%PDF-');
  }

  // the record view lists what the server has
  await row.click();
  await page.locator('[data-testid=record-documents] a').first().waitFor({ timeout: 30_000 });
  await shot(page, 'documents-03-record');
  await page.context().close();
});
