import { describe, expect, it } from 'vitest';
import type { RunStore, RunStoreOptions } from './runStore';
import { isRunStoreError } from './runStoreError';
import { makeCheckpoint, makeEvents, newRun, stepResult } from './runStoreFixtures';

/** Creates a fresh, empty store for one test. */
export type RunStoreFactory = (options: RunStoreOptions) => RunStore;

/** A pid no process has (Linux caps pids at 2^22). */
export const DEAD_PID = 2 ** 22 + 12_345;

function expectStoreError(action: () => unknown, reason: string): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a RunStoreError '${reason}'`).toBeDefined();
  expect(isRunStoreError(thrown, reason as never)).toBe(true);
}

/**
 * The behaviour every RunStore must have (ARCHITECTURE.md "Store"), run against the memory and the
 * SQLite implementations so both keep the same semantics.
 */
export function describeRunStoreContract(name: string, factory: RunStoreFactory): void {
  const clock = { now: 5_000 };
  const make = (options: RunStoreOptions = {}): RunStore =>
    factory({ now: () => clock.now, ...options });

  describe(`${name}: runs`, () => {
    it('creates, lists newest first with filters and paging, and finishes runs', () => {
      const store = make();
      store.createRun(newRun('r1', { startedAt: 1_000 }));
      store.createRun(newRun('r2', { startedAt: 2_000, file: '/other.yaml', pid: 4242 }));
      store.createRun(newRun('r3', { startedAt: 3_000 }));
      expect(store.listRuns().map((run) => run.runId)).toEqual(['r3', 'r2', 'r1']);
      expect(store.listRuns({ limit: 1, offset: 1 }).map((run) => run.runId)).toEqual(['r2']);
      expect(store.listRuns({ file: '/other.yaml' }).map((run) => run.runId)).toEqual(['r2']);
      expect(store.getRun('r2')).toMatchObject({
        status: 'running',
        pid: 4242,
        input: { question: 'why?' },
      });

      store.finishRun('r1', 'succeeded', {
        output: { answer: 42 },
        error: { code: 'ExecutionError', message: 'ignored' },
        usage: { costUsd: 0.5, tokens: 10 },
        endedAt: 1_500,
      });
      store.finishRun('r3', 'failed', {
        error: { code: 'ExecutionError', message: 'boom' },
        usage: { costUsd: 0, tokens: 0 },
        endedAt: 3_500,
      });
      expect(store.getRun('r1')).toEqual({
        ...newRun('r1', { startedAt: 1_000 }),
        status: 'succeeded',
        output: { answer: 42 },
        usage: { costUsd: 0.5, tokens: 10 },
        endedAt: 1_500,
      });
      const failed = store.getRun('r3');
      expect(failed?.status === 'failed' ? failed.error.message : undefined).toBe('boom');
      expect(failed).not.toHaveProperty('output');
      expect(store.listRuns({ status: 'failed' }).map((run) => run.runId)).toEqual(['r3']);
      expect(store.getRun('missing')).toBeUndefined();
    });

    it('refuses a duplicate run id and writes to unknown runs', () => {
      const store = make();
      store.createRun(newRun('r1'));
      expectStoreError(() => {
        store.createRun(newRun('r1'));
      }, 'duplicate-run');
      expectStoreError(() => {
        store.appendEvents('nope', makeEvents('nope', 1));
      }, 'unknown-run');
      expectStoreError(() => {
        store.finishRun('nope', 'cancelled', { usage: { costUsd: 0, tokens: 0 }, endedAt: 1 });
      }, 'unknown-run');
    });
  });

  describe(`${name}: events`, () => {
    it('reads 10,000 events back in seq order, whatever order the batches came in', () => {
      const store = make();
      store.createRun(newRun('big'));
      const events = makeEvents('big', 10_000);
      const batches: (typeof events)[] = [];
      for (let start = 0; start < events.length; start += 500) {
        batches.push(events.slice(start, start + 500));
      }
      for (const batch of batches.reverse()) store.appendEvents('big', batch);
      const read = store.readEvents('big');
      expect(read).toHaveLength(10_000);
      expect(read.map((event) => event.seq)).toEqual(events.map((event) => event.seq));
      expect(read).toEqual(events);
      expect(store.readEvents('big', { afterSeq: 9_997 }).map((event) => event.seq)).toEqual([
        9_998, 9_999, 10_000,
      ]);
      expect(store.readEvents('big', { afterSeq: 10, limit: 2 }).map((event) => event.seq)).toEqual(
        [11, 12],
      );
      expect(store.readEvents('unknown')).toEqual([]);
    });

    it('rejects a whole batch that repeats a seq', () => {
      const store = make();
      store.createRun(newRun('r1'));
      store.appendEvents('r1', makeEvents('r1', 3));
      expectStoreError(() => {
        store.appendEvents('r1', makeEvents('r1', 3, 3));
      }, 'duplicate-event');
      expect(store.readEvents('r1').map((event) => event.seq)).toEqual([1, 2, 3]);
    });
  });

  describe(`${name}: step results`, () => {
    it('round-trips a nested step result tree and replaces it on a second save', () => {
      const store = make();
      store.createRun(newRun('r1'));
      const tree = [
        stepResult('steps[0]'),
        stepResult('steps[1]', [
          { ...stepResult('steps[1].loop.body[0]'), iteration: 1 },
          { ...stepResult('steps[1].loop.body[0]'), iteration: 2, feedback: 'retry' },
        ]),
        { ...stepResult('steps[2]'), success: false, branch: 'b' },
      ];
      store.saveStepResults('r1', tree);
      expect(store.readStepResults('r1')).toEqual(tree);
      store.saveStepResults('r1', [stepResult('steps[0]')]);
      expect(store.readStepResults('r1')).toEqual([stepResult('steps[0]')]);
      expect(store.readStepResults('unknown')).toEqual([]);
    });
  });

  describe(`${name}: HITL`, () => {
    it('stores the checkpoint and a pending request together and pauses the run', () => {
      const store = make();
      store.createRun(newRun('r1'));
      const checkpoint = makeCheckpoint('r1');
      const request = store.savePause('r1', checkpoint);
      expect(request).toEqual({
        requestId: checkpoint.id,
        runId: 'r1',
        checkpointId: checkpoint.id,
        request: checkpoint.hitl,
        createdAt: clock.now,
        status: 'pending',
      });
      expect(store.getRun('r1')?.status).toBe('paused');
      expect(store.getCheckpoint('r1')).toEqual(checkpoint);
      expect(store.listPendingHitl()).toEqual([request]);
      expect(store.listPendingHitl('other')).toEqual([]);
    });

    it('refuses a pause that cannot be stored and writes nothing of it', () => {
      const store = make();
      store.createRun(newRun('r1'));
      store.createRun(newRun('r2'));
      expectStoreError(() => {
        store.savePause('r1', makeCheckpoint('r2'));
      }, 'checkpoint-mismatch');
      expectStoreError(() => {
        store.savePause('nope', makeCheckpoint('nope'));
      }, 'unknown-run');
      store.savePause('r1', makeCheckpoint('r1'));
      expectStoreError(() => {
        store.savePause('r1', makeCheckpoint('r1'));
      }, 'duplicate-checkpoint');
      expect(store.getRun('r2')?.status).toBe('running');
      expect(store.getCheckpoint('r2')).toBeUndefined();
      expect(store.listPendingHitl()).toHaveLength(1);
    });

    it('lets exactly one of two concurrent answers win and leaves the checkpoint unchanged', async () => {
      const store = make();
      store.createRun(newRun('r1'));
      const checkpoint = makeCheckpoint('r1');
      store.savePause('r1', checkpoint);
      clock.now = 6_000;
      const answer = async (value: unknown) => {
        await Promise.resolve();
        return store.answerHitl({ requestId: checkpoint.id }, value, { pid: 777 });
      };
      const results = await Promise.all([answer({ approved: true }), answer({ approved: false })]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([
        { ok: false, reason: 'already-answered' },
      ]);
      const winner = results.find((result) => result.ok);
      expect(winner?.ok === true ? winner.checkpoint : undefined).toEqual(checkpoint);
      expect(store.getCheckpoint('r1')).toEqual(checkpoint);
      expect(store.getHitl(checkpoint.id)).toMatchObject({
        status: 'answered',
        answer: { approved: true },
        answeredAt: 6_000,
      });
      expect(store.getRun('r1')).toMatchObject({ status: 'running', pid: 777 });
      expect(store.listPendingHitl()).toEqual([]);
      expect(store.answerHitl({ runId: 'r1' }, 'again')).toEqual({
        ok: false,
        reason: 'already-answered',
      });
    });

    it('answers the newest pending request of a run, and reports unknown targets', () => {
      const store = make();
      store.createRun(newRun('r1'));
      store.savePause('r1', makeCheckpoint('r1', 'cp-a'));
      store.answerHitl({ requestId: 'cp-a' }, 'first');
      store.savePause('r1', makeCheckpoint('r1', 'cp-b', 9));
      const result = store.answerHitl({ runId: 'r1' }, 'second');
      expect(result.ok && result.checkpoint.id).toBe('cp-b');
      expect(store.getCheckpoint('r1')?.id).toBe('cp-b');
      expect(store.answerHitl({ runId: 'nope' }, 'x')).toEqual({ ok: false, reason: 'not-found' });
      expect(store.answerHitl({ requestId: 'nope' }, 'x')).toEqual({
        ok: false,
        reason: 'not-found',
      });
    });
  });

  describe(`${name}: crash recovery`, () => {
    it('marks running runs of dead processes interrupted and keeps their events', () => {
      const store = make();
      store.createRun(newRun('dead', { pid: DEAD_PID }));
      store.createRun(newRun('alive', { pid: 1234 }));
      store.createRun(newRun('no-pid'));
      store.createRun(newRun('paused', { pid: DEAD_PID, status: 'paused' }));
      store.appendEvents('dead', makeEvents('dead', 5));
      store.saveStepResults('dead', [stepResult('steps[0]')]);
      const interrupted = store.recoverInterrupted((pid) => pid === 1234, 9_000);
      expect(interrupted).toEqual(['dead']);
      expect(store.getRun('dead')).toMatchObject({ status: 'interrupted', endedAt: 9_000 });
      expect(store.getRun('alive')?.status).toBe('running');
      expect(store.getRun('no-pid')?.status).toBe('running');
      expect(store.getRun('paused')?.status).toBe('paused');
      expect(store.readEvents('dead')).toEqual(makeEvents('dead', 5));
      expect(store.readStepResults('dead')).toEqual([stepResult('steps[0]')]);
      expect(store.recoverInterrupted(() => false)).toEqual(['alive']);
    });
  });

  describe(`${name}: cache, recent files, settings`, () => {
    it('gets and sets cache entries, honouring a time to live', () => {
      const store = make();
      clock.now = 10_000;
      expect(store.getCache('k')).toBeUndefined();
      store.setCache('k', stepResult('steps[0]'));
      store.setCache('short', [1, 2], { ttlMs: 100 });
      expect(store.getCache('k')).toEqual(stepResult('steps[0]'));
      expect(store.getCache('short')).toEqual([1, 2]);
      clock.now = 10_100;
      expect(store.getCache('short')).toBeUndefined();
      store.setCache('k', 'replaced');
      expect(store.getCache('k')).toBe('replaced');
    });

    it('keeps recent files most recent first, de-duplicated and capped', () => {
      const store = make({ recentFilesLimit: 3 });
      for (const [index, file] of ['/a', '/b', '/c', '/d'].entries()) {
        store.addRecentFile(file, 100 + index);
      }
      expect(store.listRecentFiles().map((file) => file.path)).toEqual(['/d', '/c', '/b']);
      store.addRecentFile('/b', 100);
      expect(store.listRecentFiles()).toEqual([
        { path: '/b', openedAt: 100 },
        { path: '/d', openedAt: 103 },
        { path: '/c', openedAt: 102 },
      ]);
    });

    it('round-trips settings as JSON and removes one set to undefined', () => {
      const store = make();
      const value = {
        providers: { openai: { baseUrl: 'http://127.0.0.1:1234/v1' } },
        strict: true,
        n: [1.5, null],
      };
      store.setSetting('studio', value);
      store.setSetting('count', 3);
      expect(store.getSetting('studio')).toEqual(value);
      expect(store.getSetting('count')).toBe(3);
      store.setSetting('count', undefined);
      expect(store.getSetting('count')).toBeUndefined();
      expect(store.getSetting('never')).toBeUndefined();
    });

    it('refuses calls after close', () => {
      const store = make();
      store.close();
      expectStoreError(() => {
        store.listRuns();
      }, 'closed');
    });
  });
}
