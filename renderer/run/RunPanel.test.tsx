// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/engine';
import { createFakeHost } from './__fixtures__/fakeHostClient';
import { recordRun } from './__fixtures__/recordRun';
import { RunPanel } from './RunPanel';
import { createRunStore } from './runStore';

afterEach(cleanup);

function setup(runId = 'r1') {
  const host = createFakeHost({ 'runs.start': () => ({ runId }) });
  const store = createRunStore(host.client);
  render(<RunPanel store={store} />);
  return { host, store };
}

const status = () => screen.getByLabelText('Run status').textContent;

describe('RunPanel', () => {
  it('shows running, then succeeded with the output, the timeline and the selected step', async () => {
    const { events } = await recordRun({ example: 'hello' }, { input: 'tea' });
    const { host } = setup();
    act(() => {
      host.emitBatches(events.slice(0, 3));
    });
    const region = screen.getByRole('region', { name: 'Run' });
    expect(status()).toBe('running');
    expect(within(region).getByRole('button', { name: 'Stop' })).toBeTruthy();
    act(() => {
      host.emitBatches(events.slice(3));
    });
    expect(status()).toBe('succeeded');
    expect(within(region).getByLabelText('Run output').textContent).toBe('HELLO, TEA!');
    expect(within(region).queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(within(region).getByLabelText('Totals').textContent).toMatch(/0 tokens · \$0\.00/);
    const timeline = within(region).getByRole('list', { name: 'Timeline' });
    fireEvent.click(within(timeline).getByRole('button', { name: /^greet/ }));
    expect(within(region).getByLabelText('Step input').textContent).toBe('tea');
    expect(within(region).getByLabelText('Step output').textContent).toBe('Hello, tea!');
  });

  it('shows a failed step with its error and suggestion, and the cost against the budget', async () => {
    const { events } = await recordRun({
      yaml: 'name: broken\nsteps:\n  - name: bad\n    input: "{{ nope( }}"\n',
    });
    const runId = events[0]?.runId ?? '';
    const { host, store } = setup(runId);
    await act(async () => {
      await store.getState().start({ text: 't', input: '', limits: { totalCostUsd: 2 } });
      host.emitBatches(events);
    });
    expect(status()).toBe('failed');
    const region = screen.getByRole('region', { name: 'Run' });
    expect(within(region).getByLabelText('Totals').textContent).toContain('of $2.00 budget');
    const alerts = within(region).getAllByRole('alert');
    expect(alerts.some((alert) => alert.textContent.includes("Step 'bad' failed"))).toBe(true);
    expect(alerts.some((alert) => alert.textContent.includes('Suggestion: Fix the template'))).toBe(
      true,
    );
  });

  it('shows streamed chunks as they arrive, cancelled runs, and stops through runs.cancel', async () => {
    const { host, store } = setup('r9');
    await act(async () => {
      await store.getState().start({ text: 't', input: '' });
    });
    const at = 1000;
    const base = { runId: 'r9', at, path: 'steps[0]' };
    const events: RunEvent[] = [
      { ...base, seq: 1, path: '', type: 'run.started', pipelineName: 'p', input: '' },
      { ...base, seq: 2, type: 'step.started', stepName: 'writer', kind: 'step', input: 'x' },
      { ...base, seq: 3, type: 'step.chunk', stepName: 'writer', text: 'Once upon' },
    ];
    act(() => {
      host.emitBatches(events);
    });
    expect(screen.getByLabelText('Streamed output').textContent).toBe('Once upon');
    act(() => {
      host.emitBatches([
        { ...base, seq: 4, type: 'step.chunk', stepName: 'writer', text: ' a time' },
      ]);
    });
    expect(screen.getByLabelText('Streamed output').textContent).toBe('Once upon a time');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
      await Promise.resolve();
    });
    expect(host.callsTo('runs.cancel')).toEqual([{ runId: 'r9' }]);
    act(() => {
      host.emitBatches([{ ...base, seq: 5, path: '', type: 'run.cancelled', reason: 'Stopped.' }]);
    });
    expect(status()).toBe('cancelled');
  });

  it('draws only the last 200 timeline rows of a long run and shows more on request', async () => {
    const yaml = `name: long
steps:
  - kind: loop
    name: spin
    loop:
      max_loops: 300
      body:
        - kind: step
          name: tick
          input: "t"
      exit_expression: "false"
`;
    const { events } = await recordRun({ yaml });
    const { host } = setup();
    act(() => {
      host.emitBatches(events, 200);
    });
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (101 earlier)' }));
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(301);
    expect(timeline.textContent).toContain('tick (iteration 300)');
  });
});
