// Steps people take in Tasklist, shared by the browser tests.
export async function openTask(page, filter, taskName) {
  await page.locator(`text=${filter}`).first().click();
  const entry = page.locator(`text=${taskName}`).first();
  await entry.waitFor({ timeout: 30_000 });
  await entry.click();
  await page.locator('.task-details h2, h2', { hasText: taskName }).first().waitFor({ timeout: 30_000 });
  await page.locator('.fjs-container').first().waitFor({ timeout: 30_000 });
  const claim = page.locator('button:has-text("担当する"), a:has-text("担当する")').first();
  if (await claim.isVisible().catch(() => false)) {
    await claim.click();
    await page.waitForTimeout(800);
  }
}

/** Picks the option of every radio group whose options include {@code optionLabel}. */
export async function answerAll(page, optionLabel) {
  const options = page.locator('.fjs-container').last().locator('.fjs-form-field-radio label', { hasText: optionLabel });
  await options.first().waitFor({ timeout: 30_000 });
  const count = await options.count();
  for (let i = 0; i < count; i++) {
    await options.nth(i).click();
  }
  return count;
}

export async function choose(page, optionLabel) {
  const option = page.locator('.fjs-container').last().locator('label', { hasText: optionLabel }).first();
  await option.waitFor({ timeout: 30_000 });
  await option.click();
}

export async function fill(page, label, value) {
  await page.locator('.fjs-container').last().getByLabel(label).fill(value);
}

export async function completeTask(page) {
  await page.locator('button:has-text("完了")').first().click();
}

/** Completes and waits until the task has left the list. */
export async function completeAndWait(page, taskName) {
  await completeTask(page);
  await page.locator('.fjs-container').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(1500);
}

export async function api(baseUrl, user, path) {
  const response = await fetch(baseUrl + path, {
    headers: { Authorization: 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64'), Accept: 'application/json' }
  });
  return response.json();
}

// The application (申請): the start dialog asks for the service name and opens a draft with its case number; the
// application form is then written (and may be saved as a draft) in the task 「…：申請書を作成して提出する」.
export const START_LINK = 'a:has-text("申請する"), a:has-text("プロセスを開始")';
export const START_BUTTON = '.modal button:has-text("申請する"), .modal button:has-text("開始")';

export async function openStartForm(page, processName = '外部サービス利用申請') {
  await page.locator(START_LINK).first().click();
  await page.locator(`text=${processName}`).first().click();
  await page.locator('.fjs-container').waitFor();
}

/** Opens a draft for {@code serviceName} and its application form. */
export async function startDraft(page, serviceName = 'kintone') {
  await openStartForm(page);
  await page.locator('.fjs-container').getByLabel('提供サービス名').fill(serviceName);
  await page.locator(START_BUTTON).first().click();
  await openTask(page, '自分のタスク', `${serviceName}：申請書を作成して提出する`);
}

/** Files a complete application (kintone, paid, personal information) from the Tasklist. */
export async function fileApplication(page, serviceManager) {
  await startDraft(page);
  await fillApplication(page, serviceManager);
  await completeAndWait(page);
}

async function select(page, label, option) {
  await page.locator('.fjs-form-field-select', { hasText: label }).locator('.fjs-input-group').click();
  await page.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

export async function fillApplication(page, serviceManager) {
  const form = page.locator('.fjs-container');
  await form.getByLabel('提供サービス名').fill('kintone');
  await form.getByLabel('提供会社名').fill('サイボウズ株式会社');
  await form.getByLabel('サービス内容（詳しく記載）').fill('区民相談の記録を管理する');
  await select(page, '外部サービスの種類', 'クラウドサービス（インターネット）');
  await select(page, 'サービスの分類', '業務アプリケーション');
  await form.getByLabel('有料（区が費用を支払う、又は契約を締結する）').check();
  await form.getByLabel('利用目的').fill('相談記録の共有');
  await form.getByLabel('利用する業務の範囲').fill('区民相談窓口');
  await form.getByLabel('個人情報', { exact: true }).check();
  await form.getByLabel('インターネット接続系（インターネット閲覧用の端末）').check();
  await form.getByLabel('利用者（氏名・所属）').fill('区民課 相談係 全員');
  await form.getByLabel('利用者の合計人数').fill('12');
  await form.getByLabel('サービス管理担当者（職員 ID）').fill(serviceManager);
  await form.getByLabel('利用開始日').fill('2027/04/01');
  await page.keyboard.press('Enter');
  await form.getByLabel('利用終了日').fill('2028/03/31');
  await page.keyboard.press('Enter');
  await form.getByLabel('利用者の合計人数').click();
}

