import type { Database } from 'better-sqlite3';
import type { Checkpoint, HitlRequest } from '../../engine/checkpoint';
import type { RunEvent } from '../../engine/runEvent';
import type { RunStatus, StepResult } from '../../engine/runTypes';
import type {
  CacheSetOptions,
  HitlAnswerOptions,
  HitlAnswerResult,
  HitlTarget,
  NewRun,
  ReadEventsOptions,
  RecentFile,
  RunListQuery,
  RunRecord,
  RunStore,
  RunStoreOptions,
  RunSummary,
  StepResultRow,
  StoredHitlRequest,
} from '../../store';
import {
  DEFAULT_RECENT_FILES_LIMIT,
  DEFAULT_RUN_LIST_LIMIT,
  RunStoreError,
  buildStepResultTree,
  outcomeOf,
  unknownRunError,
} from '../../store';
import {
  checkpointMismatchError,
  duplicateCheckpointError,
  pendingHitlOf,
} from '../../store/pauseRecords';
import { isConstraintError } from './sqliteErrors';
import type { HitlRow, RunRow } from './sqliteRows';
import { checkpointOfText, hitlOfRow, runOfRow, toJson } from './sqliteRows';
import { prepareStatements } from './sqliteStatements';
import { prepareTransactions } from './sqliteTransactions';

/** A RunStore over an open, migrated better-sqlite3 connection (see openSqliteRunStore). */
export function createSqliteRunStore(db: Database, options: RunStoreOptions = {}): RunStore {
  const now = options.now ?? (() => Date.now());
  const recentLimit = options.recentFilesLimit ?? DEFAULT_RECENT_FILES_LIMIT;
  const q = prepareStatements(db);

  const open = (): void => {
    if (!db.open) throw new RunStoreError('closed', 'The run store is closed.');
  };
  const requireRun = (runId: string): void => {
    open();
    if (q.runExists.get(runId) === undefined) throw unknownRunError(runId);
  };

  const tx = prepareTransactions(db, q, { now, recentLimit, requireRun });

  return {
    createRun(run: NewRun): void {
      open();
      try {
        q.insertRun.run({
          runId: run.runId,
          pipelineName: run.pipelineName,
          file: run.file ?? null,
          input: toJson(run.input),
          status: run.status,
          startedAt: run.startedAt,
          pid: run.pid ?? null,
        });
      } catch (error) {
        if (!isConstraintError(error)) throw error;
        throw new RunStoreError('duplicate-run', `A run with id '${run.runId}' already exists.`, {
          cause: error,
        });
      }
    },

    appendEvents(runId: string, events: readonly RunEvent[]): void {
      open();
      try {
        tx.appendEvents.immediate(runId, events);
      } catch (error) {
        if (!isConstraintError(error)) throw error;
        throw new RunStoreError(
          'duplicate-event',
          `Run '${runId}' already has an event with one of these seq numbers; nothing of the batch was written.`,
          { cause: error },
        );
      }
    },

    finishRun(runId: string, status: RunStatus, summary: RunSummary): void {
      open();
      const outcome = outcomeOf(status, summary);
      const { changes } = q.finishRun.run({
        runId,
        status,
        output: toJson(outcome.output),
        error: toJson(outcome.error),
        usage: toJson(summary.usage),
        endedAt: summary.endedAt,
      });
      if (changes === 0) throw unknownRunError(runId);
    },

    getRun(runId: string): RunRecord | undefined {
      open();
      const row = q.getRun.get(runId) as RunRow | undefined;
      return row === undefined ? undefined : runOfRow(row);
    },

    listRuns(query: RunListQuery = {}): RunRecord[] {
      open();
      const rows = q.listRuns.all({
        file: query.file ?? null,
        status: query.status ?? null,
        limit: query.limit ?? DEFAULT_RUN_LIST_LIMIT,
        offset: query.offset ?? 0,
      }) as RunRow[];
      return rows.map(runOfRow);
    },

    readEvents(runId: string, readOptions: ReadEventsOptions = {}): RunEvent[] {
      open();
      const texts = q.readEvents.all(
        runId,
        readOptions.afterSeq ?? Number.MIN_SAFE_INTEGER,
        readOptions.limit ?? -1,
      );
      return (texts as string[]).map((text) => JSON.parse(text) as RunEvent);
    },

    saveStepResults(runId: string, steps: readonly StepResult[]): void {
      open();
      tx.saveStepResults.immediate(runId, steps);
    },

    readStepResults(runId: string): StepResult[] {
      open();
      const rows = q.readSteps.all(runId) as {
        id: number;
        parent_id: number | null;
        position: number;
        path: string;
        name: string;
        kind: string;
        success: number;
        result: string;
      }[];
      return buildStepResultTree(
        rows.map((row): StepResultRow => ({
          id: row.id,
          ...(row.parent_id === null ? {} : { parentId: row.parent_id }),
          position: row.position,
          path: row.path,
          name: row.name,
          kind: row.kind,
          success: row.success === 1,
          result: JSON.parse(row.result) as StepResultRow['result'],
        })),
      );
    },

    savePause(
      runId: string,
      checkpoint: Checkpoint,
      request: HitlRequest = checkpoint.hitl,
      createdAt: number = now(),
    ): StoredHitlRequest {
      requireRun(runId);
      if (checkpoint.runId !== runId) throw checkpointMismatchError(runId, checkpoint);
      const pending = pendingHitlOf(runId, checkpoint, request, createdAt);
      try {
        tx.savePause.immediate(pending, checkpoint);
      } catch (error) {
        if (!isConstraintError(error)) throw error;
        throw duplicateCheckpointError(checkpoint);
      }
      return JSON.parse(JSON.stringify(pending)) as StoredHitlRequest;
    },

    answerHitl(
      target: HitlTarget,
      answer: unknown,
      answerOptions: HitlAnswerOptions = {},
    ): HitlAnswerResult {
      open();
      return tx.answerHitl.immediate(target, answer, answerOptions);
    },

    getHitl(requestId: string): StoredHitlRequest | undefined {
      open();
      const row = q.getHitl.get(requestId) as HitlRow | undefined;
      return row === undefined ? undefined : hitlOfRow(row);
    },

    listPendingHitl(runId?: string): StoredHitlRequest[] {
      open();
      return (q.pendingHitl.all({ runId: runId ?? null }) as HitlRow[]).map(hitlOfRow);
    },

    getCheckpoint(runId: string): Checkpoint | undefined {
      open();
      const text = q.latestCheckpoint.get(runId) as string | undefined;
      return text === undefined ? undefined : checkpointOfText(text);
    },

    recoverInterrupted(isAlive: (pid: number) => boolean, endedAt: number = now()): string[] {
      open();
      const running = q.runningWithPid.all() as { run_id: string; pid: number }[];
      const dead = running.filter((run) => !isAlive(run.pid));
      const mark = db.transaction(() =>
        dead.filter(
          (run) => q.interruptRun.run({ runId: run.run_id, pid: run.pid, endedAt }).changes > 0,
        ),
      );
      return mark.immediate().map((run) => run.run_id);
    },

    getCache(key: string): unknown {
      open();
      const row = q.getCache.get(key) as { value: string; expires_at: number | null } | undefined;
      if (row === undefined) return undefined;
      if (row.expires_at !== null && row.expires_at <= now()) return undefined;
      return JSON.parse(row.value);
    },

    setCache(key: string, value: unknown, cacheOptions: CacheSetOptions = {}): void {
      open();
      const at = now();
      const expiresAt = cacheOptions.ttlMs === undefined ? null : at + cacheOptions.ttlMs;
      q.setCache.run(key, toJson(value) ?? 'null', at, expiresAt);
    },

    addRecentFile(path: string, openedAt: number = now()): void {
      open();
      tx.addRecentFile.immediate(path, openedAt);
    },

    listRecentFiles(): RecentFile[] {
      open();
      const rows = q.listRecent.all() as { path: string; opened_at: number }[];
      return rows.map((row) => ({ path: row.path, openedAt: row.opened_at }));
    },

    getSetting(key: string): unknown {
      open();
      const text = q.getSetting.get(key) as string | undefined;
      return text === undefined ? undefined : JSON.parse(text);
    },

    setSetting(key: string, value: unknown): void {
      open();
      const text = toJson(value);
      if (text === null) q.deleteSetting.run(key);
      else q.setSetting.run(key, text, now());
    },

    close(): void {
      if (db.open) db.close();
    },
  };
}
