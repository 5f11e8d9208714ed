import type { HitlRequest, PipelineCursor, StepCursor } from './checkpoint';
import type { FlujoError } from './errors';
import type { StepResult } from './runTypes';
import type { StepOutcome } from './steps/stepHandler';

/** Why a run stops before its end: a HITL pause, a cancellation, or a breached budget. */
export type InterruptReason = 'pause' | 'cancel' | 'usage';

/**
 * Thrown through the step tree to stop a run; never retried. Each level it passes adds its partial
 * results (and, for a pause, its cursor), so the top gets the whole step history and frame stack.
 */
export class Interrupt extends Error {
  readonly reason: InterruptReason;
  readonly error: FlujoError | undefined;
  readonly hitl: HitlRequest | undefined;
  /** Results of the levels below the catcher, innermost first wrapped outward. */
  partial: readonly StepResult[] = [];
  /** For a pause: the cursor of the step that is catching it, built from the inside out. */
  stepCursor: StepCursor | undefined;
  /** The outcome of the step that raised it (e.g. the step whose usage breached a budget). */
  outcome: StepOutcome | undefined;
  /** For a pause: the cursor of the pipeline that last caught it. */
  pipelineCursor: PipelineCursor | undefined;

  constructor(
    reason: InterruptReason,
    detail: { error?: FlujoError; hitl?: HitlRequest; cursor?: StepCursor; outcome?: StepOutcome },
  ) {
    super(detail.error?.message ?? reason);
    this.reason = reason;
    this.error = detail.error;
    this.hitl = detail.hitl;
    this.stepCursor = detail.cursor;
    this.outcome = detail.outcome;
  }
}

/** True for an Interrupt. */
export function isInterrupt(error: unknown): error is Interrupt {
  return error instanceof Interrupt;
}
