import { useMemo } from 'react';
import { useStore } from 'zustand';
import { runMetricsByPath, runStatusByPath } from './foldRunEvents';
import type { RunStore, RunStoreState } from './runStore';
import type { NodeRunMetrics, NodeRunStatus, RunView } from './runView';

/** A slice of the run store, re-rendering when it changes. */
export function useRunState<T>(store: RunStore, selector: (state: RunStoreState) => T): T {
  return useStore(store, selector);
}

/**
 * The active run's view and its version: views are updated in place, so the version (not the
 * object) is what tells React that the run changed.
 */
export function useActiveRun(store: RunStore): { run: RunView | undefined; version: number } {
  const run = useStore(store, (state) =>
    state.activeRunId === undefined ? undefined : state.runs[state.activeRunId],
  );
  const version = useStore(store, (state) =>
    state.activeRunId === undefined ? -1 : (state.runs[state.activeRunId]?.version ?? -1),
  );
  return { run, version };
}

/** The canvas rings of the active run by step path (the innermost iteration's status wins). */
export function useRunStatusByPath(store: RunStore): Record<string, NodeRunStatus> {
  const { run, version } = useActiveRun(store);
  // The view is mutated in place: `version` is the dependency that says it changed.
  return useMemo(() => runStatusByPath(run), [run, version]);
}

/** Metric chips per step path of the active run (latency, tokens, cost, retries, iterations). */
export function useRunMetricsByPath(store: RunStore): Record<string, NodeRunMetrics> {
  const { run, version } = useActiveRun(store);
  return useMemo(() => runMetricsByPath(run), [run, version]);
}
