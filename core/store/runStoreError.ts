import { FlujoError } from '../engine/errors';

/** Why a run store refused an operation; stable, check it instead of the message. */
export type RunStoreErrorReason =
  | 'unknown-run'
  | 'duplicate-run'
  | 'duplicate-event'
  | 'duplicate-checkpoint'
  | 'checkpoint-mismatch'
  | 'newer-schema'
  | 'not-a-database'
  | 'native-binding'
  | 'open-failed'
  | 'closed';

/**
 * A run store failure. Its `code` is `ConfigurationError` (the store or the caller is set up wrong,
 * not the pipeline); `reason` (also in `details.reason`, so it survives IPC) says which problem.
 */
export class RunStoreError extends FlujoError {
  readonly reason: RunStoreErrorReason;

  constructor(
    reason: RunStoreErrorReason,
    message: string,
    options: { readonly suggestion?: string; readonly cause?: unknown } = {},
  ) {
    super('ConfigurationError', message, { ...options, details: { reason } });
    this.name = 'RunStoreError';
    this.reason = reason;
  }
}

/** Whether a value (possibly a plain-object copy from across IPC) is a RunStoreError of `reason`. */
export function isRunStoreError(error: unknown, reason?: RunStoreErrorReason): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const details = (error as { details?: { reason?: unknown } }).details;
  const actual = error instanceof RunStoreError ? error.reason : details?.reason;
  if (typeof actual !== 'string') return false;
  return reason === undefined || actual === reason;
}

/** The error for an operation on a run id the store has never seen. */
export function unknownRunError(runId: string): RunStoreError {
  return new RunStoreError('unknown-run', `No run with id '${runId}' is stored.`, {
    suggestion: 'Create the run with createRun before writing to it.',
  });
}
