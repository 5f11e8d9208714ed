// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost } from './__fixtures__/fakeHostClient';
import { recordDebugPause } from './__fixtures__/recordRun';
import { DebugPanel } from './DebugPanel';
import { createRunStore } from './runStore';

afterEach(cleanup);

async function pausedAtShout() {
  const recorded = await recordDebugPause();
  const runId = recorded.events[0]?.runId ?? '';
  const host = createFakeHost({ 'runs.start': () => ({ runId }) });
  const store = createRunStore(host.client);
  render(<DebugPanel store={store} />);
  await act(async () => {
    await store.getState().start({ text: 't', input: 'x', debug: true });
    host.emitBatches(recorded.paused);
  });
  return { host, store, runId, recorded };
}

describe('DebugPanel', () => {
  it('says when nothing is paused', () => {
    const store = createRunStore(createFakeHost().client);
    render(<DebugPanel store={store} />);
    expect(screen.getByRole('region', { name: 'Debugger' }).textContent).toMatch(/Not paused/);
  });

  it('shows the frame stack and the paused input and context', async () => {
    const { recorded } = await pausedAtShout();
    const frames = screen.getByRole('list', { name: 'Frames' });
    expect(within(frames).getByRole('button').textContent).toBe('shout (step) · steps[1]');
    const variables = screen.getByRole('group', { name: 'Variables' });
    expect(within(variables).getByLabelText<HTMLTextAreaElement>('Input').value).toBe(
      '"Hello, x!"',
    );
    const context = within(variables).getByLabelText<HTMLTextAreaElement>('Context');
    expect(JSON.parse(context.value)).toMatchObject({ step_outputs: { greet: 'Hello, x!' } });
    await recorded.finish();
  });

  it('refuses invalid JSON inline and sends a valid edit with runs.editFrame', async () => {
    const { host, runId, recorded } = await pausedAtShout();
    const variables = screen.getByRole('group', { name: 'Variables' });
    const context = within(variables).getByLabelText<HTMLTextAreaElement>('Context');
    fireEvent.change(context, { target: { value: '{ nope' } });
    await act(async () => {
      fireEvent.click(within(variables).getByRole('button', { name: 'Apply' }));
      await Promise.resolve();
    });
    expect(within(variables).getByRole('alert').textContent).toMatch(/Context is not valid JSON/);
    expect(context.getAttribute('aria-invalid')).toBe('true');
    expect(host.callsTo('runs.editFrame')).toEqual([]);
    fireEvent.change(context, { target: { value: '{"tone": "calm"}' } });
    fireEvent.change(within(variables).getByLabelText('Input'), {
      target: { value: '"Hi, edited"' },
    });
    await act(async () => {
      fireEvent.click(within(variables).getByRole('button', { name: 'Apply' }));
      await Promise.resolve();
    });
    expect(host.callsTo('runs.editFrame')).toEqual([
      { runId, input: 'Hi, edited', context: { tone: 'calm' } },
    ]);
    expect(screen.getByRole('status').textContent).toMatch(/Applied/);
    expect(within(variables).queryByRole('alert')).toBeNull();
    await recorded.finish();
  });
});
