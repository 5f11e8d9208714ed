import type { Checkpoint, HitlRequest } from '../engine/checkpoint';
import type { RunEvent } from '../engine/runEvent';
import type { RunStatus, StepResult } from '../engine/runTypes';
import type {
  HitlAnswerOptions,
  HitlAnswerResult,
  HitlTarget,
  StoredHitlRequest,
} from './hitlRecord';
import type { NewRun, RunListQuery, RunRecord, RunSummary } from './runRecord';

/** A file the user opened, for the "Open Recent" list. */
export interface RecentFile {
  readonly path: string;
  /** Epoch milliseconds of the last open. */
  readonly openedAt: number;
}

/** Options of `setCache`. */
export interface CacheSetOptions {
  /** The entry expires this many milliseconds after it is written; never when absent. */
  readonly ttlMs?: number;
}

/** Options of `readEvents`. */
export interface ReadEventsOptions {
  /** Only events with a greater `seq` (to continue reading where a client left off). */
  readonly afterSeq?: number;
  /** At most this many events. */
  readonly limit?: number;
}

/** Default number of recent files kept. */
export const DEFAULT_RECENT_FILES_LIMIT = 20;

/**
 * Where runs, their events, step results, checkpoints and HITL requests, the step cache, recent
 * files and settings live (ARCHITECTURE.md "Store", "Data flow" 4 and 6). Synchronous, like
 * better-sqlite3: every method is one transaction, so callers never see half a write. Values are
 * stored as JSON: what comes back is a JSON copy of what went in (`undefined` fields drop out).
 * Writing to an unknown run throws a RunStoreError (`unknown-run`).
 */
export interface RunStore {
  /** Records a new run; a run id that is already stored throws (`duplicate-run`). */
  createRun(run: NewRun): void;
  /**
   * Appends events of one run in one transaction (callers batch them, see EventWriter); a `seq`
   * already stored throws (`duplicate-event`) and nothing of the batch is written.
   */
  appendEvents(runId: string, events: readonly RunEvent[]): void;
  /** Sets a run's final status, output or error, usage and end time. */
  finishRun(runId: string, status: RunStatus, summary: RunSummary): void;
  /** A run, or `undefined` when no run has that id. */
  getRun(runId: string): RunRecord | undefined;
  /** Runs newest first, filtered by file and status. */
  listRuns(query?: RunListQuery): RunRecord[];
  /** A run's events in `seq` order (empty for an unknown run). */
  readEvents(runId: string, options?: ReadEventsOptions): RunEvent[];
  /** Stores a run's step result tree, flattened, replacing any earlier one. */
  saveStepResults(runId: string, steps: readonly StepResult[]): void;
  /** A run's step result tree as saved (empty when none). */
  readStepResults(runId: string): StepResult[];
  /**
   * Pauses a run: stores the checkpoint and a pending HITL request for it and sets the run's status
   * to `paused`, all in one transaction. The request id is the checkpoint id; `hitl` defaults to
   * `checkpoint.hitl`. A checkpoint of another run throws (`checkpoint-mismatch`), one already
   * stored throws (`duplicate-checkpoint`).
   */
  savePause(
    runId: string,
    checkpoint: Checkpoint,
    hitl?: HitlRequest,
    createdAt?: number,
  ): StoredHitlRequest;
  /**
   * Answers a pending HITL request with a conditional update (pending → answered): only the first
   * answer wins, gets the checkpoint and sets the run `running`; any later one gets
   * `already-answered` and changes nothing.
   */
  answerHitl(target: HitlTarget, answer: unknown, options?: HitlAnswerOptions): HitlAnswerResult;
  /** A HITL request by id. */
  getHitl(requestId: string): StoredHitlRequest | undefined;
  /** Pending HITL requests, oldest first (optionally of one run). */
  listPendingHitl(runId?: string): StoredHitlRequest[];
  /** The newest checkpoint of a run. */
  getCheckpoint(runId: string): Checkpoint | undefined;
  /**
   * Crash recovery: every `running` run whose `pid` is not alive becomes `interrupted` (events and
   * step results stay). Runs without a pid are left alone. Returns the ids of the runs it marked.
   */
  recoverInterrupted(isAlive: (pid: number) => boolean, endedAt?: number): string[];
  /** A cached value, or `undefined` when absent or expired. */
  getCache(key: string): unknown;
  /** Stores a cache value (JSON), replacing any earlier one. */
  setCache(key: string, value: unknown, options?: CacheSetOptions): void;
  /** Moves a file to the top of the recent files, dropping the oldest beyond the cap. */
  addRecentFile(path: string, openedAt?: number): void;
  /** Recent files, most recent first. */
  listRecentFiles(): RecentFile[];
  /** A setting's JSON value, or `undefined` when unset. */
  getSetting(key: string): unknown;
  /** Sets a setting to a JSON value; `undefined` removes it. */
  setSetting(key: string, value: unknown): void;
  /** Releases the store; later calls throw (`closed`). */
  close(): void;
}

/** Options every RunStore factory accepts. */
export interface RunStoreOptions {
  /** Clock for default timestamps (epoch milliseconds). */
  readonly now?: () => number;
  /** How many recent files to keep (default 20). */
  readonly recentFilesLimit?: number;
}
