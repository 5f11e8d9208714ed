import type { FlujoErrorData } from '../engine/errors';
import type { RunStatus, Usage } from '../engine/runTypes';
import { assertNever } from '../model/assertNever';

/**
 * Status of a stored run: the engine's final statuses, `running` while a process executes it, and
 * `interrupted` when that process died before the run finished.
 */
export type StoredRunStatus =
  'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

/** Every stored run status, in a stable order. */
export const STORED_RUN_STATUSES: readonly StoredRunStatus[] = [
  'running',
  'paused',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
];

/** What `createRun` needs to record a new run. */
export interface NewRun {
  readonly runId: string;
  readonly pipelineName: string;
  /** The pipeline file, absolute, when the run came from a file. */
  readonly file?: string;
  readonly input: unknown;
  readonly status: 'running' | 'paused';
  /** Epoch milliseconds. */
  readonly startedAt: number;
  /** The OS process executing the run; crash recovery asks whether it is still alive. */
  readonly pid?: number;
}

/** How a run ended, as given to `finishRun`. */
export interface RunSummary {
  /** Kept only for `succeeded`. */
  readonly output?: unknown;
  /** Kept only for `failed`. */
  readonly error?: FlujoErrorData;
  readonly usage: Usage;
  /** Epoch milliseconds. */
  readonly endedAt: number;
}

/** Fields every stored run has, whatever its status. */
export interface RunRecordBase {
  readonly runId: string;
  readonly pipelineName: string;
  readonly file?: string;
  readonly input: unknown;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly pid?: number;
  readonly usage?: Usage;
}

/** A stored run; only `succeeded` carries `output` and only `failed` carries `error`. */
export type RunRecord = RunRecordBase &
  (
    | { readonly status: 'running' | 'paused' | 'cancelled' | 'interrupted' }
    | { readonly status: 'succeeded'; readonly output: unknown }
    | { readonly status: 'failed'; readonly error: FlujoErrorData }
  );

/** Filters and paging of `listRuns`; runs come newest first. */
export interface RunListQuery {
  readonly limit?: number;
  readonly offset?: number;
  readonly file?: string;
  readonly status?: StoredRunStatus;
}

/** Default page size of `listRuns`. */
export const DEFAULT_RUN_LIST_LIMIT = 50;

/** The error recorded for a failed run whose summary had none. */
const UNKNOWN_FAILURE: FlujoErrorData = {
  code: 'ExecutionError',
  message: 'The run failed without an error message.',
};

/** The stored outcome fields of a finished run: drops what its status may not carry. */
export function outcomeOf(
  status: RunStatus,
  summary: RunSummary,
): { readonly output?: unknown; readonly error?: FlujoErrorData } {
  switch (status) {
    case 'succeeded':
      return { output: summary.output };
    case 'failed':
      return { error: summary.error ?? UNKNOWN_FAILURE };
    case 'paused':
    case 'cancelled':
      return {};
    default:
      return assertNever(status);
  }
}

/** The status-independent fields of a run. */
export function runRecordBaseOf(record: RunRecord): RunRecordBase {
  const { runId, pipelineName, file, input, startedAt, endedAt, pid, usage } = record;
  return { runId, pipelineName, file, input, startedAt, endedAt, pid, usage };
}

/** Assembles a RunRecord from stored columns (absent columns are `undefined`). */
export function runRecordOf(
  base: RunRecordBase,
  status: StoredRunStatus,
  output: unknown,
  error: FlujoErrorData | undefined,
): RunRecord {
  const fields = withoutUndefined(base);
  switch (status) {
    case 'succeeded':
      return { ...fields, status, output };
    case 'failed':
      return { ...fields, status, error: error ?? UNKNOWN_FAILURE };
    case 'running':
    case 'paused':
    case 'cancelled':
    case 'interrupted':
      return { ...fields, status };
    default:
      return assertNever(status);
  }
}

function withoutUndefined(base: RunRecordBase): RunRecordBase {
  return Object.fromEntries(
    Object.entries(base).filter(([, value]) => value !== undefined),
  ) as unknown as RunRecordBase;
}
