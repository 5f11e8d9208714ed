// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDebugSession } from '../../core/engine/debug';
import type { RunEvent } from '../../core/engine';
import { createFakeHost } from './__fixtures__/fakeHostClient';
import { recordRun } from './__fixtures__/recordRun';
import { runStatusByPath } from './foldRunEvents';
import { createRunStore } from './runStore';

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  localStorage.clear();
});

const PENDING = {
  requestId: 'req-1',
  file: '/w/human-approval.yaml',
  pipelineName: 'human_approval',
  stepName: 'approve',
  path: 'steps[1]',
  message: 'Publish this announcement?',
  createdAt: 1,
};

describe('run store folding host batches', () => {
  it('folds a real hello run into statuses, outputs and totals, one update per batch', async () => {
    const { events } = await recordRun({ example: 'hello' }, { input: 'tea' });
    const host = createFakeHost();
    const store = createRunStore(host.client);
    let updates = 0;
    store.subscribe(() => {
      updates += 1;
    });
    host.emitBatches(events, 3);
    const state = store.getState();
    const run = state.runs[events[0]?.runId ?? ''];
    expect(updates).toBe(Math.ceil(events.length / 3));
    expect(state.activeRunId).toBe(run?.runId);
    expect(run?.status).toBe('succeeded');
    expect(run?.pipelineName).toBe('hello');
    expect(run?.output).toBe('HELLO, TEA!');
    expect(run?.eventCount).toBe(events.length);
    expect(run?.stepStates.get('steps[0]')).toMatchObject({
      stepName: 'greet',
      status: 'succeeded',
      input: 'tea',
      output: 'Hello, tea!',
      attempts: 1,
    });
    expect(runStatusByPath(run)).toEqual({ 'steps[0]': 'succeeded', 'steps[1]': 'succeeded' });
    expect(run?.timeline.map((row) => row.stepName)).toEqual(['greet', 'shout']);
    expect(run?.totals).toMatchObject({ tokens: 0, costUsd: 0 });
    store.getState().dispose();
  });

  it('shows a failed step with its error and the run as failed', async () => {
    const { events } = await recordRun({
      yaml: 'name: broken\nsteps:\n  - name: bad\n    input: "{{ nope( }}"\n',
    });
    const host = createFakeHost();
    const store = createRunStore(host.client);
    host.emitBatches(events);
    const run = Object.values(store.getState().runs)[0];
    expect(run?.status).toBe('failed');
    const bad = run?.stepStates.get('steps[0]');
    expect(bad?.status).toBe('failed');
    expect(bad?.error?.message).toBeTruthy();
    expect(run?.error?.message).toContain("Step 'bad' failed");
  });

  it('folds a HITL pause into a request with the stored request id and opens the prompt', async () => {
    const { events } = await recordRun({ example: 'human-approval' }, { input: 'We ship.' });
    const runId = events[0]?.runId ?? '';
    const host = createFakeHost({
      'hitl.pending': () => ({ requests: [{ ...PENDING, runId }] }),
    });
    const store = createRunStore(host.client);
    host.emitBatches(events);
    host.emit({ type: 'hitl.changed' });
    await flush();
    const state = store.getState();
    const run = state.runs[runId];
    expect(run?.status).toBe('paused');
    expect(run?.hitl).toMatchObject({
      requestId: 'req-1',
      stepName: 'approve',
      message: 'Publish this announcement?\n\nProposed announcement: We ship.',
    });
    expect(run?.hitl?.inputSchema).toMatchObject({ required: ['decision'] });
    expect(runStatusByPath(run)['steps[1]']).toBe('paused');
    expect(state.hitlPrompt?.requestId).toBe('req-1');
    expect(state.pendingHitl).toHaveLength(1);
  });

  it('folds a debug pause into the frame stack and clears it when the run goes on', async () => {
    const session = createDebugSession({ breakpoints: [{ path: 'steps[1]' }] });
    const events: RunEvent[] = [];
    const done = recordRun(
      { example: 'hello' },
      { input: 'x', debug: session, onEvent: (event) => events.push(event) },
    );
    await session.waitForPause();
    const host = createFakeHost();
    const store = createRunStore(host.client);
    const atPause = events.length;
    host.emitBatches(events.slice(0, atPause));
    const paused = store.getState().runs[events[0]?.runId ?? ''];
    expect(paused?.status).toBe('paused');
    expect(paused?.pauseReason).toBe('breakpoint');
    expect(paused?.pausedFrames?.map((frame) => frame.path)).toEqual(['steps[1]']);
    expect(paused?.pausedFrames?.[0]?.input).toBe('Hello, x!');
    expect(runStatusByPath(paused)['steps[1]']).toBe('paused');
    session.continue();
    await done;
    host.emitBatches(events.slice(atPause));
    const ended = store.getState().runs[events[0]?.runId ?? ''];
    expect(ended?.status).toBe('succeeded');
    expect(ended?.pausedFrames).toBeUndefined();
  });

  it('marks a mocked step as mocked', async () => {
    const { events } = await recordRun(
      { example: 'hello' },
      { input: 'a', mocks: { 'steps[0]': 'pinned' } },
    );
    const host = createFakeHost();
    const store = createRunStore(host.client);
    host.emitBatches(events);
    const run = Object.values(store.getState().runs)[0];
    expect(runStatusByPath(run)).toEqual({ 'steps[0]': 'mocked', 'steps[1]': 'succeeded' });
    expect(run?.output).toBe('PINNED');
  });

  it('counts loop iterations and draws parallel branches as overlapping rows', async () => {
    const loop = await recordRun({ example: 'loop-with-context' }, { input: 'a' });
    const fan = await recordRun({ example: 'parallel-fan-out' }, { input: 'b' });
    const host = createFakeHost();
    const store = createRunStore(host.client);
    host.emitBatches(loop.events);
    host.emitBatches(fan.events);
    const loopRun = store.getState().runs[loop.result.runId];
    expect(loopRun?.stepStates.get('steps[0]')?.iterations).toBe(3);
    expect(loopRun?.stepStates.get('steps[0].loop.body[0]')).toMatchObject({
      iteration: 3,
      runs: 3,
      output: 'draft 2 of a',
    });
    expect(loopRun?.timeline.filter((row) => row.stepName === 'write_draft')).toHaveLength(3);
    const fanRun = store.getState().runs[fan.result.runId];
    expect(fanRun?.stepStates.get('steps[0]')?.branches).toEqual(['style', 'facts', 'tone']);
    expect(fanRun?.timeline.filter((row) => row.branch !== undefined)).toHaveLength(3);
  });
});

describe('run store commands', () => {
  it('starts a debug run with the breakpoints and remembers the input', async () => {
    const host = createFakeHost({ 'runs.start': () => ({ runId: 'r1' }) });
    const store = createRunStore(host.client);
    store.getState().toggleBreakpoint('steps[1]');
    store.getState().toggleBreakpoint('steps[2]', 'iteration == 2');
    store.getState().toggleBreakpoint('steps[1]');
    const runId = await store.getState().start({
      text: 'name: t',
      file: '/w/t.yaml',
      input: { topic: 'tea' },
      inputText: '{"topic": "tea"}',
      debug: true,
      limits: { totalCostUsd: 1 },
    });
    expect(runId).toBe('r1');
    expect(host.callsTo('runs.start')).toEqual([
      {
        text: 'name: t',
        file: '/w/t.yaml',
        input: { topic: 'tea' },
        limits: { totalCostUsd: 1 },
        debug: {
          breakpoints: [{ path: 'steps[2]', condition: 'iteration == 2' }],
          pauseOnStart: false,
          pauseOnFailure: true,
        },
      },
    ]);
    expect(store.getState().activeRunId).toBe('r1');
    expect(store.getState().runs.r1?.totals.limitCostUsd).toBe(1);
    expect(store.getState().lastInputs).toEqual(['{"topic": "tea"}']);
    expect(createRunStore(host.client).getState().lastInputs).toEqual(['{"topic": "tea"}']);
  });

  it('sends cancel and debugger commands for the active run, and says when the host refuses', async () => {
    const host = createFakeHost({
      'runs.start': () => ({ runId: 'r2' }),
      'runs.debug': () => {
        throw new Error('Run r2 is not running in this studio.');
      },
    });
    const store = createRunStore(host.client);
    await store.getState().start({ text: 't', input: '' });
    await store.getState().cancel();
    await store.getState().debug('stepOver');
    expect(host.callsTo('runs.cancel')).toEqual([{ runId: 'r2' }]);
    expect(host.callsTo('runs.debug')).toEqual([{ runId: 'r2', command: 'stepOver' }]);
    expect(store.getState().error).toBe('Run r2 is not running in this studio.');
  });

  it('lists history and opens a recorded run for replay, scrubbing through its events', async () => {
    const { events, result } = await recordRun({ example: 'hello' }, { input: 'z' });
    const summary = {
      runId: result.runId,
      pipelineName: 'hello',
      status: 'succeeded' as const,
      startedAt: 1,
      endedAt: 5,
      costUsd: 0,
      tokens: 0,
    };
    const host = createFakeHost({
      'runs.list': () => ({ runs: [summary] }),
      'runs.events': () => ({ events }),
    });
    const store = createRunStore(host.client);
    await store.getState().loadHistory('/w/hello.yaml');
    expect(store.getState().history).toEqual([summary]);
    expect(host.callsTo('runs.list')).toEqual([{ file: '/w/hello.yaml', limit: 200 }]);
    await store.getState().openRecorded(result.runId);
    expect(store.getState().activeRunId).toBe(result.runId);
    expect(store.getState().runs[result.runId]?.status).toBe('succeeded');
    store.getState().scrub(4);
    const partial = store.getState().runs[result.runId];
    expect(runStatusByPath(partial)).toEqual({ 'steps[0]': 'succeeded' });
    store.getState().scrub(events.length);
    expect(runStatusByPath(store.getState().runs[result.runId])).toEqual({
      'steps[0]': 'succeeded',
      'steps[1]': 'succeeded',
    });
  });

  it('folds a 10,000-event run (a 2,500-iteration loop) in batches', async () => {
    const yaml = `name: long
steps:
  - kind: loop
    name: spin
    loop:
      max_loops: 2500
      body:
        - kind: step
          name: tick
          input: "t"
      exit_expression: "false"
`;
    const { events } = await recordRun({ yaml });
    expect(events.length).toBeGreaterThanOrEqual(10_000);
    const host = createFakeHost();
    const store = createRunStore(host.client);
    const started = performance.now();
    host.emitBatches(events, 500);
    const elapsed = performance.now() - started;
    const run = Object.values(store.getState().runs)[0];
    expect(run?.eventCount).toBe(events.length);
    expect(run?.stepStates.get('steps[0]')?.iterations).toBe(2500);
    expect(run?.timeline.length).toBe(2501);
    // Measured, not asserted (speed belongs to bench/): printed for the report.
    console.info(`folded ${String(events.length)} events in ${elapsed.toFixed(1)} ms`);
  });
});

async function flush() {
  for (let index = 0; index < 5; index += 1) await Promise.resolve();
}
