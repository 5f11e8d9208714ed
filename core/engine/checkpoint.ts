import type { StepResult, Usage } from './runTypes';

/** Where a paused pipeline (top level or a container's child) stands: the step and its state. */
export interface PipelineCursor {
  /** Index of the step that paused, in its pipeline's step list. */
  readonly index: number;
  /** Input of that step. */
  readonly input: unknown;
  /** The pipeline's context just before that step (JSON). */
  readonly context: Readonly<Record<string, unknown>>;
  /** Results of the steps of this pipeline that finished before it. */
  readonly results: readonly StepResult[];
  /** Where the paused step itself stands, for containers. */
  readonly inner: StepCursor;
}

/** The state a container (or the HITL step) needs to continue exactly where it paused. */
export type StepCursor =
  | { readonly kind: 'hitl' }
  | {
      readonly kind: 'loop';
      readonly iteration: number;
      readonly loopInput: unknown;
      readonly loopContext: Readonly<Record<string, unknown>>;
      readonly results: readonly StepResult[];
      readonly body: PipelineCursor;
    }
  | {
      readonly kind: 'map';
      readonly index: number;
      readonly outputs: readonly unknown[];
      readonly mapContext: Readonly<Record<string, unknown>>;
      readonly results: readonly StepResult[];
      readonly body: PipelineCursor;
    }
  | {
      readonly kind: 'branch';
      readonly key: string;
      readonly body: PipelineCursor;
      readonly extra?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'state';
      readonly state: string;
      readonly hops: number;
      readonly machineContext: Readonly<Record<string, unknown>>;
      readonly results: readonly StepResult[];
      readonly body: PipelineCursor;
    }
  | { readonly kind: 'import'; readonly child: PipelineCursor; readonly childInput: unknown }
  | { readonly kind: 'wrapped'; readonly inner: StepCursor };

/** The HITL request a paused run is waiting for. */
export interface HitlRequest {
  readonly path: string;
  readonly stepName: string;
  readonly message: string;
  readonly inputSchema?: unknown;
}

/** Everything needed to resume a paused run, also in a new process: plain JSON. */
export interface Checkpoint {
  readonly version: 1;
  /** Unique per pause; a checkpoint resumes once. */
  readonly id: string;
  readonly runId: string;
  readonly pipelineName: string;
  readonly input: unknown;
  readonly usage: Usage;
  /** Sequence number of the last event before the pause; resumed events continue after it. */
  readonly seq: number;
  readonly hitl: HitlRequest;
  readonly cursor: PipelineCursor;
}

/** A JSON deep copy (checkpoints and snapshots must not share objects with a running context). */
export function jsonClone<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}
