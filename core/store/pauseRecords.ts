import type { Checkpoint, HitlRequest } from '../engine/checkpoint';
import type { StoredHitlRequest } from './hitlRecord';
import { RunStoreError } from './runStoreError';

/** The pending HITL request `savePause` stores for a checkpoint (its id is the checkpoint id). */
export function pendingHitlOf(
  runId: string,
  checkpoint: Checkpoint,
  request: HitlRequest,
  createdAt: number,
): StoredHitlRequest {
  return {
    requestId: checkpoint.id,
    runId,
    checkpointId: checkpoint.id,
    request,
    createdAt,
    status: 'pending',
  };
}

/** The error for saving a checkpoint under a run it does not belong to. */
export function checkpointMismatchError(runId: string, checkpoint: Checkpoint): RunStoreError {
  return new RunStoreError(
    'checkpoint-mismatch',
    `Checkpoint '${checkpoint.id}' belongs to run '${checkpoint.runId}', not to run '${runId}'.`,
  );
}

/** The error for saving the same checkpoint twice (a checkpoint pauses, and resumes, once). */
export function duplicateCheckpointError(checkpoint: Checkpoint): RunStoreError {
  return new RunStoreError(
    'duplicate-checkpoint',
    `Checkpoint '${checkpoint.id}' of run '${checkpoint.runId}' is already stored.`,
    { suggestion: 'Each pause has its own checkpoint id; save a pause once.' },
  );
}
