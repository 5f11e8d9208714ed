import type { FlujoErrorData, Frame, RunEvent } from '../../core/engine';

/** What the run panel says a run is doing (`interrupted`: its host process died mid-run). */
export type RunViewStatus =
  'starting' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

/** A step's status as the canvas rings paint it (same union as the canvas' `NodeRunStatus`). */
export type NodeRunStatus = 'running' | 'succeeded' | 'failed' | 'skipped' | 'paused' | 'mocked';

/** What a run measured for one step (same shape as the canvas' `NodeRunMetrics`). */
export interface NodeRunMetrics {
  readonly latencyMs?: number;
  readonly tokens: number;
  readonly costUsd: number;
  readonly attempts: number;
  readonly iterations?: number;
  readonly cacheHit?: boolean;
}

/** An error as a step result or a run carries it. */
export interface RunErrorView {
  readonly code?: string;
  readonly message: string;
  readonly suggestion?: string;
}

/** The latest execution of one step path (the innermost iteration / latest branch run wins). */
export interface StepView {
  readonly path: string;
  stepName: string;
  kind: string;
  status: NodeRunStatus;
  input: unknown;
  output: unknown;
  latencyMs: number | undefined;
  tokens: number;
  costUsd: number;
  attempts: number;
  error: RunErrorView | undefined;
  /** Loop iterations started so far (containers), or the iteration this execution ran in. */
  iterations: number;
  iteration: number | undefined;
  branch: string | undefined;
  /** Branch keys started (parallel, router). */
  branches: string[];
  cacheHit: boolean;
  /** Streamed agent output, as it arrived. */
  chunks: string[];
  /** How many times this path ran (iterations, retries of a container, branches). */
  runs: number;
  startedAt: number | undefined;
  endedAt: number | undefined;
  /** Event index of this execution's `step.started` (for context diffs). */
  startIndex: number;
}

/** One execution of one step, a row of the timeline. */
export interface TimelineRow {
  readonly key: string;
  readonly path: string;
  readonly stepName: string;
  readonly kind: string;
  readonly iteration: number | undefined;
  readonly branch: string | undefined;
  readonly startedAt: number;
  endedAt: number | undefined;
  status: NodeRunStatus;
}

/** Totals of a run: time and usage, against the limits it started with. */
export interface RunTotals {
  tokens: number;
  costUsd: number;
  /** Wall time from the first event to the last one (or the end). */
  elapsedMs: number;
  readonly limitCostUsd: number | undefined;
  readonly limitTokens: number | undefined;
}

/** A human-input request of a paused run; `requestId` comes from the host once it is stored. */
export interface HitlRequestView {
  readonly runId: string;
  readonly requestId: string | undefined;
  readonly stepName: string;
  readonly path: string;
  readonly message: string;
  readonly inputSchema: unknown;
}

/**
 * Everything the UI shows about one run, folded from its events. Its maps and arrays are updated in
 * place (a 10,000-event run must not copy them per batch); `version` grows with every batch.
 */
export interface RunView {
  readonly runId: string;
  status: RunViewStatus;
  pipelineName: string | undefined;
  debug: boolean;
  /** `recorded`: opened from history (replay), not streaming from a live run. */
  source: 'live' | 'recorded';
  version: number;
  eventCount: number;
  readonly events: RunEvent[];
  readonly stepStates: Map<string, StepView>;
  readonly timeline: TimelineRow[];
  readonly totals: RunTotals;
  startedAt: number | undefined;
  lastAt: number | undefined;
  output: unknown;
  error: RunErrorView | undefined;
  pauseReason: string | undefined;
  pausedFrames: readonly Frame[] | undefined;
  hitl: HitlRequestView | undefined;
  /** The debug edits recorded in the run (`debug.edited`). */
  edits: number;
}

/** A new, empty view of a run. */
export function createRunView(
  runId: string,
  options: {
    debug?: boolean;
    source?: 'live' | 'recorded';
    limitCostUsd?: number;
    limitTokens?: number;
  } = {},
): RunView {
  return {
    runId,
    status: 'starting',
    pipelineName: undefined,
    debug: options.debug ?? false,
    source: options.source ?? 'live',
    version: 0,
    eventCount: 0,
    events: [],
    stepStates: new Map(),
    timeline: [],
    totals: {
      tokens: 0,
      costUsd: 0,
      elapsedMs: 0,
      limitCostUsd: options.limitCostUsd,
      limitTokens: options.limitTokens,
    },
    startedAt: undefined,
    lastAt: undefined,
    output: undefined,
    error: undefined,
    pauseReason: undefined,
    pausedFrames: undefined,
    hitl: undefined,
    edits: 0,
  };
}

/** A run error from the engine's serialized error. */
export function errorView(error: FlujoErrorData | undefined, fallback: string): RunErrorView {
  if (error === undefined) return { message: fallback };
  return {
    code: error.code,
    message: error.message,
    ...(error.suggestion === undefined ? {} : { suggestion: error.suggestion }),
  };
}
