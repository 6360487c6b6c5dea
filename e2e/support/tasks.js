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
