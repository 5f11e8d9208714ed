import type {
  Checkpoint,
  FlujoErrorData,
  RunEvent,
  RunResult,
  StepResult,
} from '../../../core/engine';
import type { Breakpoint } from '../../../core/engine/debug';
import type { StoredSettings } from '../settings/studioSettings';

/** How a run reaches its skills: the folder of `skills/`, and whether the user trusted it. */
export interface WorkerSkills {
  readonly baseDir: string;
  readonly trusted: boolean;
}

/** Fields a run worker gets whether it starts or resumes a run. */
interface RunWorkerCommon {
  readonly runId: string;
  /** The YAML text the run executes (as launched; a resume uses the same text). */
  readonly text: string;
  readonly file?: string;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly limits?: { readonly totalCostUsd?: number; readonly totalTokens?: number };
  readonly mocks?: Readonly<Record<string, unknown>>;
  /** Run from here: the start step and the earlier run's step results. */
  readonly from?: { readonly path: string; readonly baseSteps: readonly StepResult[] };
  readonly settings: StoredSettings;
  /** Provider keys: passed in workerData only, never posted back, logged or stored. */
  readonly apiKeys: { readonly openai?: string; readonly anthropic?: string };
  readonly skills?: WorkerSkills;
}

/** The debugger options a run starts with. */
export interface WorkerDebugOptions {
  readonly breakpoints: readonly Breakpoint[];
  readonly pauseOnStart?: boolean;
  readonly pauseOnFailure?: boolean;
}

/** `workerData` of a run worker: start a run, or resume a paused one with a human answer. */
export type RunWorkerData = RunWorkerCommon &
  (
    | { readonly mode: 'start'; readonly input: unknown; readonly debug?: WorkerDebugOptions }
    | {
        readonly mode: 'resume';
        readonly checkpoint: Checkpoint;
        readonly answer: unknown;
        /** A debug run keeps its debugger (breakpoints, pause on failure) after the human answers. */
        readonly debug?: WorkerDebugOptions;
      }
  );

/** Host → worker: debugger commands and cancellation, relayed from the renderer. */
export type HostToWorker =
  | {
      readonly type: 'debug';
      readonly command: 'continue' | 'stepOver' | 'stepInto' | 'stepOut' | 'pause';
    }
  | {
      readonly type: 'editFrame';
      readonly input?: unknown;
      readonly context?: Record<string, unknown>;
    }
  | { readonly type: 'setBreakpoints'; readonly breakpoints: readonly Breakpoint[] }
  | { readonly type: 'cancel' };

/** Worker → host: batches of events, then one final message. */
export type WorkerToHost =
  | { readonly type: 'events'; readonly events: readonly RunEvent[] }
  | { readonly type: 'result'; readonly result: RunResult }
  /** The run could not even start (e.g. an answer that does not fit the HITL schema). */
  | { readonly type: 'refused'; readonly error: FlujoErrorData }
  /** A relayed command failed (e.g. an invalid frame edit); the run goes on. */
  | { readonly type: 'commandFailed'; readonly error: FlujoErrorData };
