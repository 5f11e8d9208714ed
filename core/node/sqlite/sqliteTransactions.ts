import type { Database } from 'better-sqlite3';
import type { Checkpoint } from '../../engine/checkpoint';
import type { RunEvent } from '../../engine/runEvent';
import type { StepResult } from '../../engine/runTypes';
import type {
  HitlAnswerOptions,
  HitlAnswerResult,
  HitlTarget,
  StoredHitlRequest,
} from '../../store';
import { flattenStepResults } from '../../store';
import type { HitlRow } from './sqliteRows';
import { checkpointOfText, hitlOfRow, toJson } from './sqliteRows';
import type { SqliteStatements } from './sqliteStatements';
import { EVENTS_PER_INSERT } from './sqliteStatements';

/** What the store's multi-statement transactions need besides the statements. */
export interface TransactionContext {
  readonly now: () => number;
  readonly recentLimit: number;
  /** Throws `unknown-run` (or `closed`) unless the run exists. */
  readonly requireRun: (runId: string) => void;
}

/**
 * The SQLite run store's multi-statement writes, each a better-sqlite3 transaction (callers run
 * them with `.immediate(...)` so two processes serialize on the write lock up front).
 */
export function prepareTransactions(
  db: Database,
  q: SqliteStatements,
  context: TransactionContext,
) {
  const { now, recentLimit, requireRun } = context;

  // Reused parameter list of the multi-row insert (better-sqlite3 copies it on every run).
  const chunk: unknown[] = new Array<unknown>(EVENTS_PER_INSERT * 6);
  const lastRowOffset = (EVENTS_PER_INSERT - 1) * 6;
  const appendEvents = db.transaction((runId: string, events: readonly RunEvent[]) => {
    requireRun(runId);
    // Whole chunks go through the multi-row insert, the rest (fewer than a chunk) row by row.
    const whole = events.length - (events.length % EVENTS_PER_INSERT);
    let index = 0;
    for (const event of events) {
      const text = JSON.stringify(event);
      if (index < whole) {
        const at = (index % EVENTS_PER_INSERT) * 6;
        chunk[at] = runId;
        chunk[at + 1] = event.seq;
        chunk[at + 2] = event.type;
        chunk[at + 3] = event.at;
        chunk[at + 4] = event.path;
        chunk[at + 5] = text;
        if (at === lastRowOffset) q.insertEventChunk.run(chunk);
      } else {
        q.insertEvent.run(runId, event.seq, event.type, event.at, event.path, text);
      }
      index++;
    }
  });

  const saveStepResults = db.transaction((runId: string, steps: readonly StepResult[]) => {
    requireRun(runId);
    q.deleteSteps.run(runId);
    for (const row of flattenStepResults(steps)) {
      q.insertStep.run(
        runId,
        row.id,
        row.parentId ?? null,
        row.position,
        row.path,
        row.name,
        row.kind,
        row.success ? 1 : 0,
        JSON.stringify(row.result),
      );
    }
  });

  const savePause = db.transaction((pending: StoredHitlRequest, checkpoint: Checkpoint) => {
    requireRun(pending.runId);
    q.pauseRun.run(pending.runId);
    q.insertCheckpoint.run(
      checkpoint.id,
      pending.runId,
      checkpoint.seq,
      pending.createdAt,
      JSON.stringify(checkpoint),
    );
    q.insertHitl.run(
      pending.requestId,
      pending.runId,
      pending.checkpointId,
      JSON.stringify(pending.request),
      pending.createdAt,
    );
  });

  const answerHitl = db.transaction(
    (target: HitlTarget, answer: unknown, answerOptions: HitlAnswerOptions): HitlAnswerResult => {
      const row = (
        'requestId' in target ? q.getHitl.get(target.requestId) : q.hitlOfRun.get(target.runId)
      ) as HitlRow | undefined;
      if (row === undefined) return { ok: false, reason: 'not-found' };
      const text = q.getCheckpointById.get(row.checkpoint_id) as string | undefined;
      if (text === undefined) return { ok: false, reason: 'not-found' };
      const answeredAt = answerOptions.at ?? now();
      // The conditional update is the exactly-once guard: a second answerer changes no row.
      const changed = q.answerHitl.run(toJson(answer), answeredAt, row.id).changes;
      if (changed === 0) return { ok: false, reason: 'already-answered' };
      q.setRunStatus.run({ runId: row.run_id, status: 'running', pid: answerOptions.pid ?? null });
      const request = hitlOfRow({
        ...row,
        status: 'answered',
        answer: toJson(answer),
        answered_at: answeredAt,
      });
      return { ok: true, request, checkpoint: checkpointOfText(text) };
    },
  );

  const addRecentFile = db.transaction((path: string, openedAt: number) => {
    q.deleteRecent.run(path);
    q.insertRecent.run(path, openedAt);
    q.trimRecent.run(recentLimit);
  });

  return { appendEvents, saveStepResults, savePause, answerHitl, addRecentFile };
}
