import { expect, test } from './fixtures/studio';
import { StudioPage } from './pages/studioPage';

test('the studio loads with its token, shows the toolbar and the samples, without errors', async ({
  page,
  studio,
  consoleErrors,
}) => {
  const studioPage = new StudioPage(page);
  await studioPage.goto(studio.url);

  for (const name of ['New', 'Open', 'Save', 'Export YAML', 'Undo', 'Redo', 'Auto layout']) {
    await expect(studioPage.command(name)).toBeVisible();
  }
  const samples = page.getByRole('region', { name: 'Samples' });
  await expect(samples.getByRole('heading', { name: 'Hello' })).toBeVisible();
  await studioPage.screenshot('smoke-welcome');

  await samples.getByRole('button', { name: 'Open Hello' }).click();
  await expect(studioPage.node('greet', 'step')).toBeVisible();
  await expect(studioPage.node('shout', 'step')).toBeVisible();
  await expect(studioPage.problems).toContainText('No problems.');
  await studioPage.screenshot('smoke-hello');

  expect(consoleErrors).toEqual([]);
});

test('without the session token the server answers 403 and serves no app', async ({
  browser,
  studio,
}) => {
  // A fresh context has no session cookie either.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(studio.origin + '/');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('toolbar', { name: 'Document' })).toHaveCount(0);
    const wrongToken = await page.goto(`${studio.origin}/?token=not-the-token`);
    expect(wrongToken?.status()).toBe(403);
  } finally {
    await context.close();
  }
});
