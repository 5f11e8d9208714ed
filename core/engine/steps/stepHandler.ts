import type { StepNode } from '../../model';
import type { StepCursor } from '../checkpoint';
import type { ContextTx } from '../context/contextTx';
import type { Frame } from '../frame';
import type { RunState, Where } from '../runState';
import type { StepResult, Usage } from '../runTypes';

/** Everything a step handler gets for one execution of one step. */
export interface StepCall<S extends StepNode = StepNode> {
  readonly step: S;
  readonly path: string;
  readonly input: unknown;
  /** The step's own transaction: committed when the step succeeds, rolled back when it fails. */
  readonly ctx: ContextTx;
  readonly run: RunState;
  readonly where: Where;
  /** This step's frame (the debugger's innermost frame while it runs). */
  readonly frame: Frame;
  /** Set when a paused run resumes inside this step. */
  readonly resume?: StepCursor;
}

/** What a handler reports; `runStep` turns it into a `StepResult` and emits the events. */
export interface StepOutcome {
  readonly output: unknown;
  readonly success: boolean;
  readonly feedback?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly children?: readonly StepResult[];
  readonly attempts?: number;
  /** Usage of this step alone (children's usage is added by `runStep`). */
  readonly usage?: Usage;
  /** Skip `updates_context` / `sink_to` / `step_outputs` (the handler applied them itself). */
  readonly contextApplied?: boolean;
}

/** Runs one kind of step. Expected failures are outcomes; only Interrupts are thrown. */
export type StepHandler<S extends StepNode = StepNode> = (
  call: StepCall<S>,
) => Promise<StepOutcome>;
