// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/engine';
import { createFakeHost } from './__fixtures__/fakeHostClient';
import { recordRun } from './__fixtures__/recordRun';
import { RunHistory } from './RunHistory';
import { createRunStore } from './runStore';
import { useRunStatusByPath } from './useRunStore';
import type { RunStore } from './runStore';

afterEach(cleanup);

function Rings({ store }: { readonly store: RunStore }) {
  const rings = useRunStatusByPath(store);
  return <output aria-label="Rings">{JSON.stringify(rings)}</output>;
}

async function setup() {
  const tea = await recordRun({ example: 'hello' }, { input: 'tea' });
  const coffee = await recordRun({ example: 'hello' }, { input: 'coffee' });
  const failed = await recordRun({
    yaml: 'name: hello\nsteps:\n  - name: greet\n    input: "{{ nope( }}"\n',
  });
  const summary = (runId: string, status: 'succeeded' | 'failed', startedAt: number) => ({
    runId,
    pipelineName: 'hello',
    file: '/w/hello.yaml',
    status,
    startedAt,
    endedAt: startedAt + 1500,
    costUsd: 0.0123,
    tokens: 10,
  });
  const byId: Record<string, RunEvent[]> = {
    [tea.result.runId]: tea.events,
    [coffee.result.runId]: coffee.events,
    [failed.result.runId]: failed.events,
  };
  const host = createFakeHost({
    'runs.list': () => ({
      runs: [
        summary(tea.result.runId, 'succeeded', 3000),
        summary(coffee.result.runId, 'succeeded', 2000),
        summary(failed.result.runId, 'failed', 1000),
      ],
    }),
    'runs.events': ({ runId }) => ({ events: byId[runId] ?? [] }),
  });
  const store = createRunStore(host.client);
  render(
    <>
      <RunHistory store={store} file="/w/hello.yaml" />
      <Rings store={store} />
    </>,
  );
  await act(async () => {
    for (let index = 0; index < 5; index += 1) await Promise.resolve();
  });
  return { host, store, tea, coffee };
}

describe('RunHistory', () => {
  it('lists the runs of the document and filters them by status', async () => {
    const { host } = await setup();
    expect(host.callsTo('runs.list')).toEqual([{ file: '/w/hello.yaml', limit: 200 }]);
    const region = screen.getByRole('region', { name: 'Run history' });
    const table = within(region).getByRole('table', { name: 'Runs' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(table.textContent).toContain('1.5 s');
    expect(table.textContent).toContain('$0.01');
    fireEvent.change(within(region).getByLabelText('Status'), { target: { value: 'failed' } });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(table.textContent).toContain('failed');
  });

  it('opens a run for replay: paints the rings, scrubs through events and shows the trace', async () => {
    const { host, tea } = await setup();
    await act(async () => {
      fireEvent.click(
        screen.getAllByRole('button', { name: /^Open hello/ }).at(0) ?? document.body,
      );
      for (let index = 0; index < 5; index += 1) await Promise.resolve();
    });
    expect(host.callsTo('runs.events')).toEqual([{ runId: tea.result.runId }]);
    expect(JSON.parse(screen.getByLabelText('Rings').textContent)).toEqual({
      'steps[0]': 'succeeded',
      'steps[1]': 'succeeded',
    });
    const tree = screen.getByRole('tree', { name: 'Trace' });
    expect(tree.textContent).toContain('pipeline_run');
    expect(tree.textContent).toContain('greet');
    expect(tree.textContent).toContain('shout');
    const scrubber = screen.getByLabelText<HTMLInputElement>('Replay position');
    expect(scrubber.max).toBe(String(tea.events.length));
    act(() => {
      fireEvent.change(scrubber, { target: { value: '4' } });
    });
    expect(JSON.parse(screen.getByLabelText('Rings').textContent)).toEqual({
      'steps[0]': 'succeeded',
    });
    expect(screen.getByText(/Event 4 of/).textContent).toContain('step.succeeded at steps[0]');
    expect(screen.getByRole('tree', { name: 'Trace' }).textContent).not.toContain('shout');
  });

  it('compares two runs node by node', async () => {
    await setup();
    fireEvent.click(
      screen.getAllByRole('checkbox', { name: /^Compare hello/ }).at(0) ?? document.body,
    );
    fireEvent.click(
      screen.getAllByRole('checkbox', { name: /^Compare hello/ }).at(1) ?? document.body,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
      for (let index = 0; index < 10; index += 1) await Promise.resolve();
    });
    const table = screen.getByRole('table', { name: 'Run comparison' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('greet');
    expect(rows[1]?.textContent).toContain('differs');
    expect(rows[1]?.textContent).toContain('succeeded / succeeded');
  });
});
