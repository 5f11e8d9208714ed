import type { Frame } from '../frame';
import type { DebugHook, FrameEdit, GateCall } from '../runOptions';
import type { StepResult } from '../runTypes';

/** A breakpoint on a step path, optionally conditional (safe expression language) or on its N-th hit. */
export interface Breakpoint {
  /** Step path, e.g. `steps[2].loop.body[0]` (matches every iteration/branch of that step). */
  readonly path: string;
  /** Expression over `input` (alias `previous_step`), `context`, `steps`, `iteration`, `branch`. */
  readonly condition?: string;
  /** False keeps the breakpoint (and its hit count) without stopping; default true. */
  readonly enabled?: boolean;
  /** Pause only on this hit (1-based), counting hits whose condition was true. */
  readonly hitCount?: number;
}

/** Why a session paused. */
export type PauseReason = 'start' | 'breakpoint' | 'step' | 'pause' | 'failure';

/** The command that resumed a paused session (the `debug.resumed` event's `command`). */
export type DebugCommand = 'continue' | 'stepOver' | 'stepInto' | 'stepOut' | 'cancel';

/** Where a session stopped: the frame stack (innermost last) and why. Plain data, safe to show. */
export interface DebugStop {
  readonly reason: PauseReason;
  readonly frames: readonly Frame[];
  readonly runId: string;
  /** The breakpoint that stopped the run (reason `breakpoint`). */
  readonly breakpoint?: Breakpoint;
  /** Why the breakpoint's condition could not be evaluated (the run stops rather than skip it). */
  readonly conditionError?: string;
  /** The failed step's result (reason `failure`; the step already ran, so its frame is read-only). */
  readonly failure?: StepResult;
}

/** Lifecycle of a session: `ended` once its run finished (any status). */
export type DebugSessionState = 'running' | 'paused' | 'ended';

/** Options of `createDebugSession`. */
export interface DebugSessionOptions {
  readonly breakpoints?: readonly Breakpoint[];
  /** Stop before the first step (reason `start`). */
  readonly pauseOnStart?: boolean;
  /** Stop after a step fails (reason `failure`); needs the engine to await `afterStep`. */
  readonly pauseOnFailure?: boolean;
}

/** The engine's `afterStep` call as the session reads it (`emit`/`signal` once the engine passes them). */
export type AfterStepCall = Parameters<NonNullable<DebugHook['afterStep']>>[0] & {
  readonly emit?: GateCall['emit'];
  readonly signal?: AbortSignal;
};

/** A headless debug session for one run; it is a `DebugHook`: `executePipeline(p, { debug: session })`. */
export interface DebugSession {
  readonly attach: NonNullable<DebugHook['attach']>;
  readonly passes: NonNullable<DebugHook['passes']>;
  readonly beforeStep: DebugHook['beforeStep'];
  /** Returns a promise while paused after a failure; the engine must await it (see README). */
  readonly afterStep: (call: AfterStepCall) => Promise<void> | undefined;
  readonly detach: NonNullable<DebugHook['detach']>;
  readonly state: DebugSessionState;
  /** The stop being shown, while paused. */
  readonly currentStop: DebugStop | undefined;
  /** The next stop (or the current one when not yet handed out); `undefined` when the run ends first. */
  readonly waitForPause: () => Promise<DebugStop | undefined>;
  /** Runs the shown step with everything inside it; stops at the next step at its depth or shallower. */
  readonly stepOver: () => boolean;
  /** Stops at the next step of the shown frame's lineage (a container's first inner step). */
  readonly stepInto: () => boolean;
  /** Finishes the shown step's container; stops at the next step shallower than the shown one. */
  readonly stepOut: () => boolean;
  /** Releases every held step; stops at the next breakpoint. */
  readonly continue: () => boolean;
  /** Stops at the next gate of any running frame (at once when a step is already held). */
  readonly pause: () => boolean;
  /** Ends the run as `cancelled` (aborting in-flight agent calls) and releases every held step. */
  readonly cancel: () => void;
  /** Replaces the breakpoints; one with the same path and condition as before keeps its hit count. */
  readonly setBreakpoints: (breakpoints: readonly Breakpoint[]) => void;
  /** Replaces the paused step's input and/or context before it runs; throws when invalid. */
  readonly editFrame: (edit: FrameEdit) => void;
}
