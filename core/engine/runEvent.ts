import type { FlujoErrorData } from './errors';
import type { Frame } from './frame';
import type { RunStatus, StepResult, Usage } from './runTypes';

/** Fields every run event carries. `path` is the step path, `''` for run-level events. */
export interface RunEventBase {
  readonly runId: string;
  readonly seq: number;
  readonly at: number;
  readonly path: string;
  /** Loop/map iteration coordinates from the outermost container inwards. */
  readonly iteration?: number;
  /** Branch key of the innermost branch the step runs in. */
  readonly branch?: string;
}

/** Run-level events. */
export type RunLifecycleEvent =
  | (RunEventBase & {
      readonly type: 'run.started';
      readonly pipelineName: string;
      readonly input: unknown;
    })
  | (RunEventBase & {
      readonly type: 'run.paused';
      readonly stepName: string;
      readonly message: string;
    })
  | (RunEventBase & { readonly type: 'run.resumed'; readonly stepName: string })
  | (RunEventBase & {
      readonly type: 'run.succeeded';
      readonly output: unknown;
      readonly usage: Usage;
    })
  | (RunEventBase & {
      readonly type: 'run.failed';
      readonly error: FlujoErrorData;
      readonly usage: Usage;
    })
  | (RunEventBase & { readonly type: 'run.cancelled'; readonly reason: string });

/** Step-level events. */
export type StepEvent =
  | (RunEventBase & {
      readonly type: 'step.started';
      readonly stepName: string;
      readonly kind: string;
      readonly input: unknown;
    })
  | (RunEventBase & {
      readonly type: 'step.attempt';
      readonly stepName: string;
      readonly attempt: number;
    })
  | (RunEventBase & {
      readonly type: 'step.chunk';
      readonly stepName: string;
      readonly text: string;
    })
  | (RunEventBase & {
      readonly type: 'step.retrying';
      readonly stepName: string;
      readonly attempt: number;
      readonly reason: string;
    })
  | (RunEventBase & { readonly type: 'step.succeeded'; readonly result: StepResult })
  | (RunEventBase & { readonly type: 'step.failed'; readonly result: StepResult })
  | (RunEventBase & {
      readonly type: 'step.skipped';
      readonly stepName: string;
      readonly reason: string;
    });

/** Container, usage, cache, HITL and debugger events. */
export type FlowEvent =
  | (RunEventBase & {
      readonly type: 'loop.iteration';
      readonly stepName: string;
      readonly index: number;
    })
  | (RunEventBase & {
      readonly type: 'branch.started';
      readonly stepName: string;
      readonly key: string;
    })
  | (RunEventBase & {
      readonly type: 'branch.finished';
      readonly stepName: string;
      readonly key: string;
      readonly success: boolean;
    })
  | (RunEventBase & {
      readonly type: 'background.launched';
      readonly stepName: string;
      readonly taskId: string;
    })
  | (RunEventBase & {
      readonly type: 'usage.updated';
      readonly stepName: string;
      readonly step: Usage;
      readonly total: Usage;
    })
  | (RunEventBase & { readonly type: 'cache.hit'; readonly stepName: string; readonly key: string })
  | (RunEventBase & {
      readonly type: 'hitl.requested';
      readonly stepName: string;
      readonly message: string;
      readonly inputSchema?: unknown;
    })
  | (RunEventBase & {
      readonly type: 'hitl.answered';
      readonly stepName: string;
      readonly answer: unknown;
    })
  | (RunEventBase & {
      readonly type: 'debug.paused';
      readonly reason: string;
      readonly frames: readonly Frame[];
    })
  | (RunEventBase & { readonly type: 'debug.resumed'; readonly command: string })
  | (RunEventBase & {
      readonly type: 'debug.edited';
      readonly stepName: string;
      readonly changed: readonly ('input' | 'context')[];
    });

/** Every event a run emits (ARCHITECTURE.md "RunEvent"), discriminated on `type`. */
export type RunEvent = RunLifecycleEvent | StepEvent | FlowEvent;

/** The `type` of a run event. */
export type RunEventType = RunEvent['type'];

/** Final statuses as run events. */
export const FINAL_EVENT_BY_STATUS: Readonly<Record<RunStatus, RunEventType>> = {
  succeeded: 'run.succeeded',
  failed: 'run.failed',
  paused: 'run.paused',
  cancelled: 'run.cancelled',
};
