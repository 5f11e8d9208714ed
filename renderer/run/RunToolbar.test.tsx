// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHost } from './__fixtures__/fakeHostClient';
import { recordDebugPause } from './__fixtures__/recordRun';
import { RunToolbar } from './RunToolbar';
import { createRunStore } from './runStore';

beforeEach(() => {
  localStorage.clear();
});
afterEach(cleanup);

const DOC = { text: 'name: hello\nsteps: []\n', file: '/w/hello.yaml' };

function setup(runId = 'r1') {
  const host = createFakeHost({ 'runs.start': () => ({ runId }) });
  const store = createRunStore(host.client);
  render(<RunToolbar store={store} getDocument={() => DOC} />);
  return { host, store };
}

function key(init: KeyboardEventInit) {
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
  });
}

describe('RunToolbar', () => {
  it('Run opens the run dialog and Start runs the document on screen with the parsed input', async () => {
    const { host } = setup();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    const dialog = screen.getByRole('dialog', { name: 'Run pipeline' });
    fireEvent.change(within(dialog).getByLabelText('Input'), {
      target: { value: '{"topic": "tea"}' },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Start' }));
      await Promise.resolve();
    });
    expect(host.callsTo('runs.start')).toEqual([
      { text: DOC.text, file: DOC.file, input: { topic: 'tea' } },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
  });

  it('F5 opens the run dialog and Shift+F5 the debug one when nothing runs', async () => {
    const { host } = setup();
    key({ key: 'F5' });
    expect(screen.getByRole('dialog', { name: 'Run pipeline' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    key({ key: 'F5', shiftKey: true });
    expect(screen.getByText(/With the debugger/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start' }));
      await Promise.resolve();
    });
    expect(host.callsTo('runs.start')).toMatchObject([
      { debug: { breakpoints: [], pauseOnStart: true } },
    ]);
  });

  it('while paused, the step buttons and F5 / F10 / F11 / Shift+F11 / Shift+F5 steer the run', async () => {
    const recorded = await recordDebugPause();
    const runId = recorded.events[0]?.runId ?? '';
    const { host, store } = setup(runId);
    await act(async () => {
      await store.getState().start({ text: DOC.text, input: 'x', debug: true });
      host.emitBatches(recorded.paused);
    });
    for (const name of ['Continue', 'Step Over', 'Step Into', 'Step Out', 'Pause', 'Stop']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Pause' }).disabled).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Step Over' }));
      await Promise.resolve();
    });
    key({ key: 'F10' });
    key({ key: 'F11' });
    key({ key: 'F11', shiftKey: true });
    key({ key: 'F5' });
    key({ key: 'F5', shiftKey: true });
    await act(() => Promise.resolve());
    expect(host.callsTo('runs.debug')).toEqual([
      { runId, command: 'stepOver' },
      { runId, command: 'stepOver' },
      { runId, command: 'stepInto' },
      { runId, command: 'stepOut' },
      { runId, command: 'continue' },
    ]);
    expect(host.callsTo('runs.cancel')).toEqual([{ runId }]);
    const rest = await recorded.finish();
    act(() => {
      host.emitBatches(rest);
    });
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Run' }).disabled).toBe(false);
  });
});
