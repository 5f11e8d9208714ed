import type { Checkpoint, HitlRequest } from '../engine/checkpoint';

/** A stored HITL request; its id is the id of the checkpoint it waits on. */
export type StoredHitlRequest = {
  readonly requestId: string;
  readonly runId: string;
  readonly checkpointId: string;
  readonly request: HitlRequest;
  /** Epoch milliseconds. */
  readonly createdAt: number;
} & (
  | { readonly status: 'pending' }
  | { readonly status: 'answered'; readonly answer: unknown; readonly answeredAt: number }
);

/** Which request `answerHitl` answers: by its id, or the newest pending one of a run. */
export type HitlTarget = { readonly requestId: string } | { readonly runId: string };

/** Result of `answerHitl`: only the first answer wins and gets the checkpoint to resume. */
export type HitlAnswerResult =
  | { readonly ok: true; readonly request: StoredHitlRequest; readonly checkpoint: Checkpoint }
  | { readonly ok: false; readonly reason: 'already-answered' | 'not-found' };

/** Options of `answerHitl`. */
export interface HitlAnswerOptions {
  /** Epoch milliseconds of the answer (defaults to the store's clock). */
  readonly at?: number;
  /** The process that resumes the run; the run becomes `running` under it. */
  readonly pid?: number;
}
