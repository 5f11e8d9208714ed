// The workloads every engine runs (ARCHITECTURE.md "Performance"), as data shared by the parent
// process and the per-(engine, workload) child processes.

/** One engine workload: a chain, a loop (optionally growing a context list) or a fan-out. */
export type EngineWorkload =
  | { readonly kind: 'chain'; readonly steps: number }
  /** Ours only: the chain with a debug session attached (no breakpoints), issue 5's overhead. */
  | { readonly kind: 'chainDebug'; readonly steps: number }
  | { readonly kind: 'loop'; readonly steps: number }
  | { readonly kind: 'growingLoop'; readonly steps: number }
  | { readonly kind: 'fanOut'; readonly rounds: number; readonly branches: number };

/** What a child process builds for one workload: the build time and a function doing one run. */
export interface BuiltWorkload {
  readonly buildMs: number;
  /** Untimed preparation before each run (Rivet builds a new GraphProcessor per run). */
  readonly prepare?: () => void;
  /** One timed run; resolves to what the engine returned (kept alive to measure the heap). */
  readonly run: () => Promise<unknown>;
}

/** The engines compared: ours, LangGraph.js with and without a checkpointer, Rivet core. */
export type EngineId = 'flujo' | 'langgraph' | 'langgraphMemorySaver' | 'rivet';

/** Column titles of the engines. */
export const ENGINE_TITLES: Readonly<Record<EngineId, string>> = {
  flujo: 'Flujo Studio (ours)',
  langgraph: 'LangGraph.js',
  langgraphMemorySaver: 'LangGraph.js + MemorySaver',
  rivet: 'Rivet core',
};

/** Trivial step executions in a workload (the divisor of µs/step). */
export function stepCount(workload: EngineWorkload): number {
  return workload.kind === 'fanOut' ? workload.rounds * workload.branches : workload.steps;
}

/** A short label for tables, e.g. `loop, 10,000 iterations`. */
export function workloadLabel(workload: EngineWorkload): string {
  const n = (value: number): string => value.toLocaleString('en-US');
  switch (workload.kind) {
    case 'chain':
      return `chain, ${n(workload.steps)} steps`;
    case 'chainDebug':
      return `chain, ${n(workload.steps)} steps, with debug session (no breakpoints)`;
    case 'loop':
      return `loop, ${n(workload.steps)} iterations`;
    case 'growingLoop':
      return `loop + growing list, ${n(workload.steps)} iterations`;
    case 'fanOut':
      return `fan-out, ${n(workload.rounds)} × ${n(workload.branches)} branches`;
  }
}
