import type { Checkpoint } from './checkpoint';
import type { FlujoErrorData } from './errors';

/** Cost and tokens used so far (a run, a step or a branch). */
export interface Usage {
  readonly costUsd: number;
  readonly tokens: number;
}

/** Zero usage. */
export const NO_USAGE: Usage = { costUsd: 0, tokens: 0 };

/** Final state of a run. */
export type RunStatus = 'succeeded' | 'failed' | 'paused' | 'cancelled';

/**
 * What happened to one step (FLUJO-SPEC §10 `StepResult`), nested: a container's `children` hold its
 * body/branch steps in execution order (loop iterations and branches tagged by `iteration`/`branch`).
 */
export interface StepResult {
  readonly name: string;
  readonly path: string;
  readonly kind: string;
  readonly output: unknown;
  readonly success: boolean;
  readonly attempts: number;
  readonly latencyMs: number;
  readonly tokens: number;
  readonly costUsd: number;
  readonly feedback?: string;
  /** exit_reason, iterations, executed_branch_key, executed_branches, cache_hit, fallback_triggered, … */
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly children: readonly StepResult[];
  /** Loop/map iteration (1-based for loops, 0-based item index for maps) this step ran in. */
  readonly iteration?: number;
  /** Branch key (parallel, conditional, router, state) this step ran in. */
  readonly branch?: string;
}

/** The outcome of `executePipeline` / `resumePipeline`. */
export interface RunResult {
  readonly runId: string;
  readonly status: RunStatus;
  readonly output?: unknown;
  readonly error?: FlujoErrorData;
  readonly steps: readonly StepResult[];
  readonly context: Readonly<Record<string, unknown>>;
  readonly usage: Usage;
  /** Present when `status` is `paused`: everything `resumePipeline` needs, JSON-serializable. */
  readonly checkpoint?: Checkpoint;
}
