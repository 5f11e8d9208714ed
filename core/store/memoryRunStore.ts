import type { Checkpoint, HitlRequest } from '../engine/checkpoint';
import { jsonClone } from '../engine/checkpoint';
import type { RunEvent } from '../engine/runEvent';
import type { RunStatus, StepResult } from '../engine/runTypes';
import type {
  HitlAnswerOptions,
  HitlAnswerResult,
  HitlTarget,
  StoredHitlRequest,
} from './hitlRecord';
import type { NewRun, RunListQuery, RunRecord, RunSummary } from './runRecord';
import { DEFAULT_RUN_LIST_LIMIT, outcomeOf, runRecordBaseOf, runRecordOf } from './runRecord';
import type {
  CacheSetOptions,
  ReadEventsOptions,
  RecentFile,
  RunStore,
  RunStoreOptions,
} from './runStore';
import { DEFAULT_RECENT_FILES_LIMIT } from './runStore';
import { RunStoreError, unknownRunError } from './runStoreError';
import type { StepResultRow } from './stepResultRows';
import { buildStepResultTree, flattenStepResults } from './stepResultRows';
import { checkpointMismatchError, duplicateCheckpointError, pendingHitlOf } from './pauseRecords';

interface MemoryRun {
  record: RunRecord;
  /** Events by seq; kept sorted on read. */
  readonly events: Map<number, RunEvent>;
  steps: readonly StepResultRow[];
  readonly checkpoints: Checkpoint[];
}

/**
 * A RunStore in memory with the same semantics as the SQLite one (JSON copies in and out, the same
 * errors and orders), for tests and for hosts that keep nothing between sessions.
 */
export function createMemoryRunStore(options: RunStoreOptions = {}): RunStore {
  const now = options.now ?? (() => Date.now());
  const recentLimit = options.recentFilesLimit ?? DEFAULT_RECENT_FILES_LIMIT;
  const runs = new Map<string, MemoryRun>();
  const hitl = new Map<string, StoredHitlRequest>();
  const cache = new Map<string, { readonly value: unknown; readonly expiresAt?: number }>();
  const settings = new Map<string, unknown>();
  let recent: RecentFile[] = [];
  let closed = false;

  const open = (): void => {
    if (closed) throw new RunStoreError('closed', 'The run store is closed.');
  };
  const runOf = (runId: string): MemoryRun => {
    open();
    const run = runs.get(runId);
    if (run === undefined) throw unknownRunError(runId);
    return run;
  };
  const setRecord = (run: MemoryRun, record: RunRecord): void => {
    run.record = jsonClone(record);
  };

  return {
    createRun(newRun: NewRun): void {
      open();
      if (runs.has(newRun.runId)) {
        throw new RunStoreError('duplicate-run', `A run with id '${newRun.runId}' already exists.`);
      }
      runs.set(newRun.runId, {
        record: jsonClone(runRecordOf(newRun, newRun.status, undefined, undefined)),
        events: new Map(),
        steps: [],
        checkpoints: [],
      });
    },

    appendEvents(runId: string, events: readonly RunEvent[]): void {
      const run = runOf(runId);
      const seen = new Set<number>();
      for (const event of events) {
        if (run.events.has(event.seq) || seen.has(event.seq)) {
          throw new RunStoreError(
            'duplicate-event',
            `Run '${runId}' already has an event with seq ${event.seq}; nothing of the batch was written.`,
          );
        }
        seen.add(event.seq);
      }
      for (const event of events) run.events.set(event.seq, jsonClone(event));
    },

    finishRun(runId: string, status: RunStatus, summary: RunSummary): void {
      const run = runOf(runId);
      const outcome = outcomeOf(status, summary);
      const base = {
        ...runRecordBaseOf(run.record),
        usage: summary.usage,
        endedAt: summary.endedAt,
      };
      setRecord(run, runRecordOf(base, status, outcome.output, outcome.error));
    },

    getRun(runId: string): RunRecord | undefined {
      open();
      const run = runs.get(runId);
      return run === undefined ? undefined : jsonClone(run.record);
    },

    listRuns(query: RunListQuery = {}): RunRecord[] {
      open();
      const offset = query.offset ?? 0;
      const limit = query.limit ?? DEFAULT_RUN_LIST_LIMIT;
      return [...runs.values()]
        .map((run, order) => ({ record: run.record, order }))
        .filter(({ record }) => query.file === undefined || record.file === query.file)
        .filter(({ record }) => query.status === undefined || record.status === query.status)
        .sort((a, b) => b.record.startedAt - a.record.startedAt || b.order - a.order)
        .slice(offset, offset + limit)
        .map(({ record }) => jsonClone(record));
    },

    readEvents(runId: string, options: ReadEventsOptions = {}): RunEvent[] {
      open();
      const run = runs.get(runId);
      if (run === undefined) return [];
      const after = options.afterSeq ?? Number.NEGATIVE_INFINITY;
      const events = [...run.events.values()]
        .filter((event) => event.seq > after)
        .sort((a, b) => a.seq - b.seq);
      return jsonClone(options.limit === undefined ? events : events.slice(0, options.limit));
    },

    saveStepResults(runId: string, steps: readonly StepResult[]): void {
      const run = runOf(runId);
      run.steps = jsonClone(flattenStepResults(steps));
    },

    readStepResults(runId: string): StepResult[] {
      open();
      const run = runs.get(runId);
      return run === undefined ? [] : jsonClone(buildStepResultTree(run.steps));
    },

    savePause(
      runId: string,
      checkpoint: Checkpoint,
      request: HitlRequest = checkpoint.hitl,
      createdAt: number = now(),
    ): StoredHitlRequest {
      const run = runOf(runId);
      if (checkpoint.runId !== runId) throw checkpointMismatchError(runId, checkpoint);
      if (hitl.has(checkpoint.id)) throw duplicateCheckpointError(checkpoint);
      const pending = pendingHitlOf(runId, checkpoint, request, createdAt);
      run.checkpoints.push(jsonClone(checkpoint));
      hitl.set(pending.requestId, jsonClone(pending));
      setRecord(run, runRecordOf(runRecordBaseOf(run.record), 'paused', undefined, undefined));
      return jsonClone(pending);
    },

    answerHitl(
      target: HitlTarget,
      answer: unknown,
      answerOptions: HitlAnswerOptions = {},
    ): HitlAnswerResult {
      open();
      const request = findTarget(target);
      if (request === undefined) return { ok: false, reason: 'not-found' };
      if (request.status === 'answered') return { ok: false, reason: 'already-answered' };
      const run = runOf(request.runId);
      const checkpoint = run.checkpoints.find((stored) => stored.id === request.checkpointId);
      if (checkpoint === undefined) return { ok: false, reason: 'not-found' };
      const answered: StoredHitlRequest = {
        ...request,
        status: 'answered',
        answer,
        answeredAt: answerOptions.at ?? now(),
      };
      hitl.set(request.requestId, jsonClone(answered));
      const base = { ...runRecordBaseOf(run.record), pid: answerOptions.pid };
      setRecord(run, runRecordOf(base, 'running', undefined, undefined));
      return { ok: true, request: jsonClone(answered), checkpoint: jsonClone(checkpoint) };
    },

    getHitl(requestId: string): StoredHitlRequest | undefined {
      open();
      const request = hitl.get(requestId);
      return request === undefined ? undefined : jsonClone(request);
    },

    listPendingHitl(runId?: string): StoredHitlRequest[] {
      open();
      return jsonClone(
        [...hitl.values()].filter(
          (request) =>
            request.status === 'pending' && (runId === undefined || request.runId === runId),
        ),
      );
    },

    getCheckpoint(runId: string): Checkpoint | undefined {
      open();
      const checkpoints = runs.get(runId)?.checkpoints ?? [];
      const last = checkpoints[checkpoints.length - 1];
      return last === undefined ? undefined : jsonClone(last);
    },

    recoverInterrupted(isAlive: (pid: number) => boolean, endedAt: number = now()): string[] {
      open();
      const marked: string[] = [];
      for (const run of runs.values()) {
        const { record } = run;
        if (record.status !== 'running' || record.pid === undefined || isAlive(record.pid)) {
          continue;
        }
        setRecord(run, { ...record, status: 'interrupted', endedAt });
        marked.push(record.runId);
      }
      return marked;
    },

    getCache(key: string): unknown {
      open();
      const entry = cache.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt !== undefined && entry.expiresAt <= now()) return undefined;
      return jsonClone(entry.value);
    },

    setCache(key: string, value: unknown, cacheOptions: CacheSetOptions = {}): void {
      open();
      const expiresAt = cacheOptions.ttlMs === undefined ? undefined : now() + cacheOptions.ttlMs;
      cache.set(key, {
        value: jsonClone(value),
        ...(expiresAt === undefined ? {} : { expiresAt }),
      });
    },

    addRecentFile(path: string, openedAt: number = now()): void {
      open();
      recent = [{ path, openedAt }, ...recent.filter((file) => file.path !== path)].slice(
        0,
        recentLimit,
      );
    },

    listRecentFiles(): RecentFile[] {
      open();
      return recent.map((file) => ({ ...file }));
    },

    getSetting(key: string): unknown {
      open();
      return settings.has(key) ? jsonClone(settings.get(key)) : undefined;
    },

    setSetting(key: string, value: unknown): void {
      open();
      if (value === undefined) settings.delete(key);
      else settings.set(key, jsonClone(value));
    },

    close(): void {
      closed = true;
    },
  };

  function findTarget(target: HitlTarget): StoredHitlRequest | undefined {
    if ('requestId' in target) return hitl.get(target.requestId);
    const ofRun = [...hitl.values()].filter((request) => request.runId === target.runId);
    return ofRun.reverse().find((request) => request.status === 'pending') ?? ofRun[0];
  }
}
