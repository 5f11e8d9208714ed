// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHost } from './__fixtures__/fakeHostClient';
import type { FakeHandlers } from './__fixtures__/fakeHostClient';
import { recordRun } from './__fixtures__/recordRun';
import { HitlDialog } from './HitlDialog';
import { HitlInbox } from './HitlInbox';
import { createRunStore } from './runStore';

beforeEach(() => {
  localStorage.clear();
});
afterEach(cleanup);

function pendingOf(runId: string, requestId = 'req-1') {
  return {
    requestId,
    runId,
    file: '/w/human-approval.yaml',
    pipelineName: 'human_approval',
    stepName: 'approve',
    path: 'steps[1]',
    message: 'Publish this announcement?',
    inputSchema: {
      type: 'object',
      properties: {
        decision: { type: 'string', enum: ['approve', 'reject'] },
        comment: { type: 'string' },
      },
      required: ['decision'],
    },
    createdAt: 1,
  };
}

async function pausedApproval(handlers: FakeHandlers = {}) {
  const { events } = await recordRun({ example: 'human-approval' }, { input: 'We ship.' });
  const runId = events[0]?.runId ?? '';
  const host = createFakeHost({
    'hitl.pending': () => ({ requests: [pendingOf(runId)] }),
    'hitl.answer': () => ({ runId }),
    ...handlers,
  });
  const store = createRunStore(host.client);
  render(<HitlDialog store={store} />);
  await act(async () => {
    host.emitBatches(events);
    await flush();
  });
  return { host, store, runId };
}

describe('HitlDialog', () => {
  it('opens on a HITL pause with the step, the message and a form from input_schema', async () => {
    await pausedApproval();
    const dialog = screen.getByRole('dialog', { name: 'Human input required' });
    expect(dialog.querySelector('.hitl-step')?.textContent).toBe('Step approve');
    expect(dialog.textContent).toContain('Publish this announcement?');
    expect(dialog.textContent).toContain('Proposed announcement: We ship.');
    const decision = within(dialog).getByLabelText<HTMLSelectElement>(/decision/);
    expect(decision.tagName).toBe('SELECT');
    expect(Array.from(decision.options).map((option) => option.value)).toEqual([
      '',
      'approve',
      'reject',
    ]);
    expect(decision.getAttribute('aria-required')).toBe('true');
    expect(within(dialog).getByText('*')).toBeTruthy();
    const comment = within(dialog).getByLabelText('comment');
    expect(comment.tagName).toBe('INPUT');
    expect(comment.getAttribute('aria-required')).toBe('false');
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('blocks a submit with a required field missing, then submits the answer', async () => {
    const { host, store } = await pausedApproval();
    const dialog = screen.getByRole('dialog', { name: 'Human input required' });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
      await flush();
    });
    expect(within(dialog).getByRole('alert').textContent).toBe('decision is required.');
    expect(host.callsTo('hitl.answer')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/decision/), { target: { value: 'approve' } });
    fireEvent.change(within(dialog).getByLabelText('comment'), { target: { value: 'ok' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
      await flush();
    });
    expect(host.callsTo('hitl.answer')).toEqual([
      { requestId: 'req-1', answer: { decision: 'approve', comment: 'ok' } },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().hitlPrompt).toBeUndefined();
  });

  it('does not close on Escape, says so, and "Cancel run" cancels the run', async () => {
    const { host, runId } = await pausedApproval();
    const dialog = screen.getByRole('dialog', { name: 'Human input required' });
    fireEvent.keyDown(within(dialog).getByLabelText(/decision/), { key: 'Escape' });
    expect(screen.getByRole('dialog', { name: 'Human input required' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/waiting for this answer/);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel run' }));
      await flush();
    });
    expect(host.callsTo('runs.cancel')).toEqual([{ runId }]);
  });

  it('shows "already answered" when another window answered first', async () => {
    await pausedApproval({
      'hitl.answer': () => {
        throw new Error('This request was already answered.');
      },
    });
    const dialog = screen.getByRole('dialog', { name: 'Human input required' });
    fireEvent.change(within(dialog).getByLabelText(/decision/), { target: { value: 'reject' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
      await flush();
    });
    expect(within(dialog).getByRole('alert').textContent).toMatch(/already answered/);
  });
});

describe('HitlInbox', () => {
  it('counts pending requests across documents, refreshes on hitl.changed, and answers from the list', async () => {
    let requests = [pendingOf('run-a', 'req-a')];
    const host = createFakeHost({
      'hitl.pending': () => ({ requests }),
      'hitl.answer': () => ({ runId: 'run-a' }),
    });
    const store = createRunStore(host.client);
    render(
      <>
        <HitlInbox store={store} />
        <HitlDialog store={store} />
      </>,
    );
    await act(flush);
    expect(screen.getByRole('button', { name: 'Inbox (1)' })).toBeTruthy();
    requests = [...requests, { ...pendingOf('run-b', 'req-b'), file: '/w/other.yaml' }];
    await act(async () => {
      host.emit({ type: 'hitl.changed' });
      await flush();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inbox (2)' }));
    const list = screen.getByRole('region', { name: 'Pending human input' });
    expect(list.textContent).toContain('/w/other.yaml');
    fireEvent.click(
      within(list).getByRole('button', {
        name: 'Answer approve of human_approval in /w/human-approval.yaml',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Human input required' });
    fireEvent.change(within(dialog).getByLabelText(/decision/), { target: { value: 'approve' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
      await flush();
    });
    expect(host.callsTo('hitl.answer')).toEqual([
      { requestId: 'req-a', answer: { decision: 'approve' } },
    ]);
  });
});

async function flush() {
  for (let index = 0; index < 10; index += 1) await Promise.resolve();
}
