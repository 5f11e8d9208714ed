import type { Pipeline } from '../model';
import type { Checkpoint } from './checkpoint';
import type { RunFrom } from './replay';
import type { Frame } from './frame';
import type { RunEvent } from './runEvent';
import type { StepResult } from './runTypes';

/** Time, ids and waiting, injected so the engine stays pure and tests stay deterministic. */
export interface EnginePorts {
  readonly now: () => number;
  readonly randomId: () => string;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Runs JS skills (`uses: skills.<module>:<fn>`, or a Python path with a JS stand-in under skills/). */
export interface SkillRunner {
  /** True when `ref` can run (the module and function exist). */
  readonly has: (ref: string) => Promise<boolean>;
  /** Runs `ref` with the step input and a JSON copy of the context; throws on failure or timeout. */
  readonly run: (
    ref: string,
    call: { readonly input: unknown; readonly context: unknown; readonly signal: AbortSignal },
  ) => Promise<unknown>;
}

/** Loads the files a pipeline refers to (imports, prompt files), relative to the running file. */
export interface PipelineLoader {
  /** The parsed child pipeline of an import, or a message saying why it cannot be loaded. */
  readonly loadPipeline: (
    path: string,
    fromFile: string | undefined,
  ) => Promise<{ readonly pipeline: Pipeline; readonly file: string } | { readonly error: string }>;
  /** A text file (system prompt `from_file`). */
  readonly readText?: (path: string, fromFile: string | undefined) => Promise<string>;
}

/** Where cached step results live (in-memory LRU by default). */
export interface CacheStore {
  readonly get: (key: string) => Promise<StepResult | undefined> | StepResult | undefined;
  readonly set: (key: string, result: StepResult) => Promise<void> | void;
}

/** Provider endpoints for declared agents. */
export interface ProviderEndpointSettings {
  readonly baseUrl: string;
  readonly apiKey?: string;
}

/** How declared agents reach their providers. */
export interface AgentRuntime {
  readonly fetch?: typeof fetch;
  readonly settings?: {
    readonly openai?: ProviderEndpointSettings;
    readonly anthropic?: ProviderEndpointSettings;
  };
}

/** Price per million tokens of one model, in USD. */
export interface ModelPrice {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
}

/** A change the debugger applies to the paused frame before the step runs. */
export interface FrameEdit {
  readonly input?: unknown;
  readonly context?: Readonly<Record<string, unknown>>;
}

/** What the engine hands the debugger at every gate (before every step). */
export interface GateCall {
  readonly runId: string;
  /** Frame stack, outermost first; the last frame is the step about to run. */
  readonly frames: readonly Frame[];
  readonly signal: AbortSignal;
  /** Emits a debug event into the run's stream. */
  readonly emit: (
    event:
      | { type: 'debug.paused'; reason: string; frames: readonly Frame[] }
      | { type: 'debug.resumed'; command: string },
  ) => void;
}

/** The engine's side of a debug session (`core/engine/debug` implements it). */
export interface DebugHook {
  /** Called once when the run starts; `cancel` ends the run as cancelled. */
  readonly attach?: (control: {
    readonly cancel: (reason: string) => void;
    readonly runId: string;
  }) => void;
  /**
   * Optional fast path, asked before every step: true when `beforeStep` for the step at `path`
   * would return `undefined` at once without keeping anything, and `afterStep` for it would too
   * (no breakpoint on the path, not stepping, not paused, no pause requested, no pause on failure).
   * The engine then skips both calls for steps without children, and builds no frames for them.
   */
  readonly passes?: (path: string) => boolean;
  /** Awaited (when it returns a promise) before every step; may return an edit of the step's input/context. */
  readonly beforeStep: (call: GateCall) => Promise<FrameEdit | undefined> | FrameEdit | undefined;
  /** Called after a step finished (success or failure); awaited when it returns a promise. */
  readonly afterStep?: (call: {
    readonly frames: readonly Frame[];
    readonly result: StepResult;
    readonly signal: AbortSignal;
    /** Emits a debug event into the run's stream (at the finished step's path). */
    readonly emit: GateCall['emit'];
  }) => Promise<void> | void;
  /** Called once when the run ends (any status). */
  readonly detach?: () => void;
}

/** Options of `executePipeline` (issue 4's public API). */
export interface RunOptions {
  readonly input?: unknown;
  /** Initial context fields (merged over the built-in PipelineContext fields). */
  readonly context?: Readonly<Record<string, unknown>>;
  readonly runId?: string;
  readonly onEvent?: (event: RunEvent) => void;
  readonly signal?: AbortSignal;
  readonly limits?: { readonly totalCostUsd?: number; readonly totalTokens?: number };
  /** Price overrides by model id (merged over the defaults). */
  readonly pricing?: Readonly<Record<string, ModelPrice>>;
  /** Fail fast when a declared agent's model has no price (default true). */
  readonly strictPricing?: boolean;
  readonly agents?: AgentRuntime;
  readonly skills?: SkillRunner;
  readonly cache?: CacheStore;
  readonly loader?: PipelineLoader;
  /** The running YAML file, for imports, prompt files and skills. */
  readonly file?: string;
  readonly debug?: DebugHook;
  /** Outputs used instead of running the step, by step path (pinned/mocked outputs). */
  readonly mocks?: Readonly<Record<string, unknown>>;
  readonly ports?: Partial<EnginePorts>;
  /** Run from here (issue 5): start at `from.path`, replaying earlier steps from `from.baseRun`. */
  readonly from?: RunFrom;
  /** Internal: the checkpoint `resumePipeline` continues from. */
  readonly checkpoint?: Checkpoint;
  /** Internal: the human answer `resumePipeline` hands to the paused step. */
  readonly resumeAnswer?: { readonly value: unknown };
}
