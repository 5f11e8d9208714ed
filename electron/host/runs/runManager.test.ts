import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../core/engine';
import type { HostEvent } from '../../../shared';
import type { TestHost } from '../__fixtures__/testHost';
import { runEnded, startTestHost } from '../__fixtures__/testHost';

const example = (name: string): Promise<string> =>
  readFile(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');

function runEvents(events: readonly HostEvent[], runId: string): RunEvent[] {
  return events.flatMap((event) =>
    event.type === 'run.events' && event.runId === runId ? event.events : [],
  );
}

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.dispose();
});

describe('runs.start', () => {
  it('runs a sample in a worker, streaming batched events, then run.ended', async () => {
    const { runId } = await t.call('runs.start', {
      text: await example('hello.yaml'),
      input: 'Ada',
    });
    expect(await t.waitFor(runEnded(runId))).toEqual({
      type: 'run.ended',
      runId,
      status: 'succeeded',
    });
    const batches = t.events.filter((event) => event.type === 'run.events');
    const events = runEvents(t.events, runId);
    expect(batches.length).toBeLessThan(events.length);
    expect(events[0]?.type).toBe('run.started');
    expect(events.at(-1)?.type).toBe('run.succeeded');
    const { runs } = await t.call('runs.list', {});
    expect(runs).toMatchObject([
      { runId, pipelineName: 'hello', status: 'succeeded', output: 'HELLO, ADA!' },
    ]);
    const stored = await t.call('runs.events', { runId });
    expect(stored.events).toEqual(events);
    const detail = await t.call('runs.get', { runId });
    expect(detail.steps).toHaveLength(2);
  });

  it('refuses a pipeline with a validation error, saying what is wrong', async () => {
    const text =
      'version: "0.1"\nname: bad\nsteps:\n  - kind: step\n    name: a\n    input: "{{ previous_step | no_such_filter }}"\n';
    const envelope = await t.host.dispatch('runs.start', { text, input: null });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'ValidationError' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('no_such_filter');
    expect((await t.call('runs.list', {})).runs).toEqual([]);
  });

  it('refuses broken YAML, listing the first problems', async () => {
    const envelope = await t.host.dispatch('runs.start', { text: 'steps: [\n', input: null });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'YamlError' } });
  });
});

describe('human input', () => {
  it('cancels a run paused for a human answer: the request closes and the run is cancelled', async () => {
    const { runId } = await t.call('runs.start', {
      text: await example('human-approval.yaml'),
      input: null,
    });
    expect(await t.waitFor(runEnded(runId))).toMatchObject({ status: 'paused' });
    const [request] = (await t.call('hitl.pending', {})).requests;
    expect(await t.host.dispatch('runs.cancel', { runId })).toEqual({
      ok: true,
      result: { ok: true },
    });
    expect((await t.call('hitl.pending', {})).requests).toEqual([]);
    expect((await t.call('runs.get', { runId })).run.status).toBe('cancelled');
    const late = await t.host.dispatch('hitl.answer', {
      requestId: request?.requestId ?? '',
      answer: { decision: 'approve' },
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'AlreadyAnswered' } });
  });

  it('pauses, lists the request, resumes exactly once in a new worker', async () => {
    const { runId } = await t.call('runs.start', {
      text: await example('human-approval.yaml'),
      input: null,
    });
    expect(await t.waitFor(runEnded(runId))).toMatchObject({ status: 'paused' });
    expect(t.events.some((event) => event.type === 'hitl.changed')).toBe(true);
    const { requests } = await t.call('hitl.pending', {});
    expect(requests).toMatchObject([
      { runId, pipelineName: 'human_approval', stepName: 'approve', path: 'steps[1]' },
    ]);
    const requestId = requests[0]?.requestId ?? '';

    const bad = await t.host.dispatch('hitl.answer', { requestId, answer: { decision: 'maybe' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ValidationError' } });

    const ended = t.events.length;
    const answer = { decision: 'approve', comment: 'ok' };
    const [first, racing] = await Promise.all([
      t.host.dispatch('hitl.answer', { requestId, answer }),
      t.host.dispatch('hitl.answer', { requestId, answer: { decision: 'reject' } }),
    ]);
    expect(first).toEqual({ ok: true, result: { runId } });
    expect(racing).toMatchObject({ ok: false, error: { code: 'AlreadyAnswered' } });
    const second = await t.host.dispatch('hitl.answer', { requestId, answer });
    expect(second).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'AlreadyAnswered',
        message: 'This request was already answered.',
      }) as unknown,
    });
    const end = await t.waitFor(
      (event) => runEnded(runId)(event) && t.events.indexOf(event) >= ended,
    );
    expect(end).toMatchObject({ status: 'succeeded' });
    const { runs } = await t.call('runs.list', {});
    expect(runs[0]).toMatchObject({ status: 'succeeded', output: 'Published. Reviewer said: ok' });
    expect((await t.call('hitl.pending', {})).requests).toEqual([]);
    const types = (await t.call('runs.events', { runId })).events.map((e) => (e as RunEvent).type);
    expect(types).toContain('run.paused');
    expect(types).toContain('run.resumed');
  });
});

describe('debugging', () => {
  it('pauses on start, continues on command', async () => {
    const { runId } = await t.call('runs.start', {
      text: await example('hello.yaml'),
      input: 'Ada',
      debug: { breakpoints: [], pauseOnStart: true },
    });
    await t.waitFor(() => runEvents(t.events, runId).some((e) => e.type === 'debug.paused'));
    expect(t.events.some(runEnded(runId))).toBe(false);
    await t.call('runs.setBreakpoints', { runId, breakpoints: [] });
    await t.call('runs.debug', { runId, command: 'continue' });
    expect(await t.waitFor(runEnded(runId))).toMatchObject({ status: 'succeeded' });
  });

  it('cancels a debug-paused run', async () => {
    const { runId } = await t.call('runs.start', {
      text: await example('loop-with-context.yaml'),
      input: 'x',
      debug: { breakpoints: [{ path: 'steps[0].loop.body[0]' }] },
    });
    await t.waitFor(() => runEvents(t.events, runId).some((e) => e.type === 'debug.paused'));
    await t.call('runs.cancel', { runId });
    expect(await t.waitFor(runEnded(runId))).toMatchObject({ status: 'cancelled' });
    expect((await t.call('runs.get', { runId })).run.status).toBe('cancelled');
    const late = await t.host.dispatch('runs.debug', { runId, command: 'continue' });
    expect(late).toMatchObject({ ok: false, error: { code: 'RunNotActive' } });
  });
});

describe('worker failures', () => {
  it('fails the run with a clear error when its worker dies, keeping the events so far', async () => {
    const crashing = await startTestHost({
      workerFactory: (data) =>
        new Worker(
          `const { parentPort } = require('node:worker_threads');
           parentPort.postMessage({ type: 'events', events: [{ type: 'run.started', runId: ${JSON.stringify(data.runId)}, seq: 1, at: 1, path: '', pipelineName: 'hello', input: null }] });
           setTimeout(() => process.exit(3), 20);`,
          { eval: true },
        ),
    });
    try {
      const { runId } = await crashing.call('runs.start', {
        text: await example('hello.yaml'),
        input: null,
      });
      expect(await crashing.waitFor(runEnded(runId))).toMatchObject({ status: 'failed' });
      const { run } = await crashing.call('runs.get', { runId });
      expect(run.error?.message).toMatch(/^The run's worker stopped unexpectedly: .*code 3/);
      const { events } = await crashing.call('runs.events', { runId });
      expect(events.map((e) => (e as RunEvent).type)).toEqual(['run.started', 'run.failed']);
    } finally {
      await crashing.dispose();
    }
  });
});
