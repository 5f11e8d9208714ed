import { expect, test } from './fixtures/studio';
import { RunPage } from './pages/runPage';
import { StudioPage } from './pages/studioPage';

// Issue 8's run and debug journey against browser mode. Each test opens its own workspace file in
// a fresh page; the server, its workspace and its run database are shared by the worker.

test('running the hello sample succeeds and shows its output', async ({
  page,
  studio,
  consoleErrors,
}) => {
  const studioPage = new StudioPage(page);
  const run = new RunPage(page);
  await studioPage.goto(studio.url);
  await studioPage.open('hello.yaml');
  await run.start('Run', 'Ada');
  await run.expectStatus('succeeded');
  await expect(run.output).toContainText('HELLO, ADA!');
  await expect(run.box(studioPage.node('greet', 'step'))).toHaveClass(/flujo-run-succeeded/);
  await expect(run.box(studioPage.node('shout', 'step'))).toHaveClass(/flujo-run-succeeded/);
  await expect(studioPage.node('greet', 'step').getByLabel('Run metrics')).toContainText(' ms');
  await studioPage.screenshot('run-hello-succeeded');
  expect(consoleErrors).toEqual([]);
});

test('a step that fails at run time shows failed with its message', async ({ page, studio }) => {
  const studioPage = new StudioPage(page);
  const run = new RunPage(page);
  await studioPage.goto(studio.url);
  await studioPage.open('failing-step.yaml');
  await run.start('Run', 'x');
  await run.expectStatus('failed');
  await expect(run.panel.getByRole('alert').first()).toContainText(
    "Step 'explode' failed: context_merge's 'value' must be a dict",
  );
  await expect(run.box(studioPage.node('explode', 'step'))).toHaveClass(/flujo-run-failed/);
  await expect(run.output).toHaveCount(0);
  await studioPage.screenshot('run-failed');
});

test('a breakpoint on the second step pauses there; edits apply; step over and continue', async ({
  page,
  studio,
}) => {
  const studioPage = new StudioPage(page);
  const run = new RunPage(page);
  await studioPage.goto(studio.url);
  await studioPage.open('debug-context.yaml');

  const shout = studioPage.node('shout', 'step');
  await shout.click();
  await page.keyboard.press('F9');
  await expect(run.box(shout)).toHaveClass(/flujo-has-breakpoint/);
  await expect(shout.getByTitle('Breakpoint')).toBeVisible();

  await run.start('Debug', 'Ada');
  await run.expectStatus('paused');
  await expect(run.debugger).toContainText('before shout');
  await expect(run.variable('Input')).toHaveValue('"Hello, Ada!"');
  for (const name of ['Continue', 'Step Over', 'Step Into', 'Step Out', 'Stop']) {
    await expect(run.button(name)).toBeEnabled();
  }
  await expect(run.button('Pause')).toBeDisabled();
  await studioPage.screenshot('debug-paused-at-breakpoint');

  // Edit the context before the step runs: the last step reads `context.signer`.
  const context = JSON.parse(await run.variable('Context').inputValue()) as Record<string, unknown>;
  await run.variable('Context').fill(JSON.stringify({ ...context, signer: 'Grace' }, null, 2));
  await run.variables.getByRole('button', { name: 'Apply' }).click();
  await expect(run.variables.getByRole('status')).toContainText('Applied');

  await run.button('Step Over').click();
  await expect(run.debugger).toContainText('before sign');
  await expect(run.variable('Input')).toHaveValue('"HELLO, ADA!"');
  await expect(run.variable('Context')).toContainText('"signer": "Grace"');
  await studioPage.screenshot('debug-stepped-over');

  await run.button('Continue').click();
  await run.expectStatus('succeeded');
  await expect(run.output).toContainText('HELLO, ADA! Signed, Grace.');
  await expect(run.button('Continue')).toHaveCount(0);
  await studioPage.screenshot('debug-succeeded');
});

test('Step Into a loop pauses in its body at iteration 1', async ({ page, studio }) => {
  const studioPage = new StudioPage(page);
  const run = new RunPage(page);
  await studioPage.goto(studio.url);
  await studioPage.open('loop-with-context.yaml');

  const loop = studioPage.node('collect_drafts', 'loop');
  await loop.click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('F9');
  await expect(run.box(loop)).toHaveClass(/flujo-has-breakpoint/);

  await run.start('Debug', 'tea');
  await run.expectStatus('paused');
  await expect(run.debugger).toContainText('before collect_drafts');
  await page.keyboard.press('F11');
  await expect(run.debugger).toContainText('before write_draft');
  const frames = run.debugger.getByRole('list', { name: 'Frames' }).getByRole('listitem');
  await expect(frames).toHaveCount(2);
  await expect(frames.last()).toContainText('write_draft (step) — iteration 1');
  await studioPage.screenshot('debug-loop-iteration-1');

  await page.keyboard.press('F5');
  await run.expectStatus('succeeded');
  // The exit check ends the loop before the third draft is appended to the context.
  await expect(run.output).toHaveText(
    'Collected: draft 0 of tea, draft 1 of tea, then draft 2 of tea',
  );
});

test('run history lists the runs and opening one paints the canvas', async ({ page, studio }) => {
  const studioPage = new StudioPage(page);
  const run = new RunPage(page);
  await studioPage.goto(studio.url);
  await studioPage.open('failing-step.yaml');
  await run.start('Run', 'first');
  await run.expectStatus('failed');

  await run.showTab('History');
  const rows = run.history.getByRole('table', { name: 'Runs' }).getByRole('row');
  // A header row and at least this test's run (earlier tests ran this file too).
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
  await expect(rows.nth(1)).toContainText('failed');

  // A fresh page has no live run: the canvas is painted only by the recorded run.
  await page.reload();
  await expect(studioPage.toolbar).toBeVisible();
  await studioPage.open('failing-step.yaml');
  await expect(run.box(studioPage.node('explode', 'step'))).not.toHaveClass(/flujo-run-/);
  await run.showTab('History');
  await run.history
    .getByRole('button', { name: /^Open failing_step / })
    .first()
    .click();
  await expect(run.box(studioPage.node('prepare', 'step'))).toHaveClass(/flujo-run-succeeded/);
  await expect(run.box(studioPage.node('explode', 'step'))).toHaveClass(/flujo-run-failed/);
  // Opening a recorded run brings the Run tab forward with it; the scrubber stays in History.
  await expect(run.panel).toContainText('failing_step (recorded)');
  await run.expectStatus('failed');
  await studioPage.screenshot('history-replay');
  await run.showTab('History');
  await expect(run.history.getByText(/^Event \d+ of \d+/)).toBeVisible();
  await studioPage.screenshot('history-replay-scrubber');
});

test('a pinned output mocks a step, and "Run from here" reuses the last run for earlier steps', async ({
  page,
  studio,
}) => {
  const studioPage = new StudioPage(page);
  const run = new RunPage(page);
  await studioPage.goto(studio.url);
  await studioPage.open('debug-context.yaml');
  await run.start('Run', 'Ada');
  await run.expectStatus('succeeded');
  await expect(run.output).toContainText('HELLO, ADA!');

  await studioPage.node('shout', 'step').click();
  const actions = page.getByRole('region', { name: 'Step run actions' });
  await actions.getByLabel('Mock output').fill('"MOCKED"');
  await actions.getByRole('button', { name: 'Pin output' }).click();
  await expect(actions).toContainText('This step is mocked');
  await run.start('Run', 'Ada');
  await run.expectStatus('succeeded');
  await expect(run.output).toContainText('MOCKED');
  await expect(run.output).not.toContainText('HELLO, ADA!');

  await studioPage.node('sign', 'step').click();
  await page
    .getByRole('region', { name: 'Step run actions' })
    .getByRole('button', { name: 'Run from here' })
    .click();
  await run.expectStatus('succeeded');
  await expect(run.output).toContainText('MOCKED');
  await studioPage.screenshot('run-from-here');
});

test('a breakpoint with a condition on the iteration pauses only there', async ({
  page,
  studio,
}) => {
  const studioPage = new StudioPage(page);
  const run = new RunPage(page);
  await studioPage.goto(studio.url);
  await studioPage.open('loop-with-context.yaml');

  await studioPage.node('write_draft', 'step').click();
  const actions = page.getByRole('region', { name: 'Step run actions' });
  await actions.getByLabel('Breakpoint condition').fill('iteration == 2');
  await actions.getByRole('button', { name: 'Set breakpoint' }).click();
  await expect(actions.getByRole('button', { name: 'Remove breakpoint' })).toBeVisible();

  await run.start('Debug', 'tea');
  await run.expectStatus('paused');
  const frames = run.debugger.getByRole('list', { name: 'Frames' }).getByRole('listitem');
  await expect(frames.last()).toContainText('write_draft (step) — iteration 2');
  await studioPage.screenshot('debug-conditional-breakpoint');
  await page.keyboard.press('F5');
  await run.expectStatus('succeeded');
});
