import type { Page } from '@playwright/test';

import { expect, test } from './fixtures/studio';
import { RunPage } from './pages/runPage';
import { StudioPage } from './pages/studioPage';

// Issue 8's human-in-the-loop journey: the approval sample pauses for a form built from its
// object input_schema; the answer resumes the run, also after the server restarted.

const MESSAGE = 'Publish this announcement?';

/** Fills the approval form (decision, comment) and submits it. */
async function answer(run: RunPage, comment: string): Promise<void> {
  const dialog = run.hitlDialog;
  await dialog.getByRole('combobox', { name: /decision/i }).selectOption('approve');
  await dialog.getByRole('textbox', { name: /comment/i }).fill(comment);
  await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function openApproval(
  page: Page,
  url: string,
): Promise<{ studioPage: StudioPage; run: RunPage }> {
  const studioPage = new StudioPage(page);
  const run = new RunPage(page);
  await studioPage.goto(url);
  await studioPage.open('human-approval.yaml');
  return { studioPage, run };
}

test('the approval sample asks for a form, and the answer completes the run', async ({
  page,
  studio,
}) => {
  const { studioPage, run } = await openApproval(page, studio.url);
  await run.start('Run', 'We ship on Monday.');

  await expect(run.hitlDialog).toBeVisible();
  await expect(run.hitlDialog).toContainText(MESSAGE);
  await expect(run.hitlDialog).toContainText('Proposed announcement: We ship on Monday.');
  await expect(run.hitlDialog).toContainText('Step approve');
  await run.expectStatus('paused');
  await studioPage.screenshot('hitl-dialog');

  // The required decision is checked before anything is sent.
  await run.hitlDialog.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(run.hitlDialog.getByRole('alert')).toBeVisible();

  await answer(run, 'Ship it');
  await run.expectStatus('succeeded');
  await expect(run.output).toContainText('Published. Reviewer said: Ship it');
  // The approve step's output is the answer (sunk to context.approval, read by publish).
  await run.panel.getByRole('button', { name: /^approve — succeeded/ }).click();
  const approveStep = run.panel.getByRole('region', { name: 'Step approve' });
  await expect(approveStep).toContainText('"decision": "approve"');
  await expect(approveStep).toContainText('"comment": "Ship it"');
  await studioPage.screenshot('hitl-answered');
});

test('under the debugger the answer is in the context of the next step', async ({
  page,
  studio,
}) => {
  const { studioPage, run } = await openApproval(page, studio.url);
  await studioPage.node('act_on_decision', 'conditional').click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('F9');
  await expect(run.box(studioPage.node('act_on_decision', 'conditional'))).toHaveClass(
    /flujo-has-breakpoint/,
  );
  await run.start('Debug', 'We ship on Tuesday.');
  await expect(run.hitlDialog).toBeVisible();
  await answer(run, 'Context please');

  await run.expectStatus('paused');
  await expect(run.debugger).toContainText('before act_on_decision');
  const context = JSON.parse(await run.variable('Context').inputValue()) as Record<string, unknown>;
  expect(context.approval).toEqual({ decision: 'approve', comment: 'Context please' });
  await studioPage.screenshot('hitl-answer-in-context');
  await run.button('Continue').click();
  await run.expectStatus('succeeded');
  await expect(run.output).toContainText('Published. Reviewer said: Context please');
});

test('a pending request survives a server restart and is answered from the inbox', async ({
  page,
  restartableStudio,
}) => {
  const first = await openApproval(page, restartableStudio.url);
  await first.run.start('Run', 'We ship after the restart.');
  await expect(first.run.hitlDialog).toBeVisible();
  await first.run.expectStatus('paused');
  await expect(first.run.inbox).toHaveText('Inbox (1)');

  await restartableStudio.restart();

  const { studioPage, run } = await openApproval(page, restartableStudio.url);
  await expect(run.hitlDialog).toBeHidden();
  await expect(run.inbox).toHaveText('Inbox (1)');
  await run.inbox.click();
  const pending = page.getByRole('region', { name: 'Pending human input' });
  await expect(pending).toContainText('human_approval');
  await expect(pending).toContainText(MESSAGE);
  await studioPage.screenshot('hitl-inbox-after-restart');
  await pending.getByRole('button', { name: /^Answer approve of human_approval/ }).click();

  await expect(run.hitlDialog).toContainText('Proposed announcement: We ship after the restart.');
  await answer(run, 'Still fine');
  await expect(run.inbox).toHaveText('Inbox (0)');
  await run.expectStatus('succeeded');
  await expect(run.output).toContainText('Published. Reviewer said: Still fine');
  await studioPage.screenshot('hitl-answered-after-restart');
});
