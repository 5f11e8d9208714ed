import { createContext, useContext } from 'react';
import { createStore, useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import type { NodeRunMetrics, NodeRunStatus } from './canvasLayout';

/** Per-node decorations that change often (run status, breakpoints): read per node by selector. */
export interface CanvasDecorations {
  readonly runStatus: Readonly<Record<string, NodeRunStatus>>;
  readonly runMetrics: Readonly<Record<string, NodeRunMetrics>>;
  readonly breakpoints: ReadonlySet<string>;
}

/** What nodes can ask the canvas to do; the object is stable for the canvas's lifetime. */
export interface CanvasActions {
  readonly toggleCollapsed: (path: string) => void;
  readonly wrap: (path: string) => void;
  readonly unwrap: (path: string) => void;
}

/** One decorations store per canvas (not a module singleton). */
export function createDecorationsStore(): StoreApi<CanvasDecorations> {
  return createStore<CanvasDecorations>(() => ({
    runStatus: {},
    runMetrics: {},
    breakpoints: new Set(),
  }));
}

export const DecorationsContext = createContext<StoreApi<CanvasDecorations> | null>(null);
export const ActionsContext = createContext<CanvasActions | null>(null);

const fallbackStore = createDecorationsStore();

/** The run status of the step at `path`; re-renders only when that one value changes. */
export function useRunStatus(path: string): NodeRunStatus | undefined {
  const store = useContext(DecorationsContext) ?? fallbackStore;
  return useStore(store, (state) => state.runStatus[path]);
}

/** What the last run measured for the step at `path` (metric chips). */
export function useRunMetrics(path: string): NodeRunMetrics | undefined {
  const store = useContext(DecorationsContext) ?? fallbackStore;
  return useStore(store, (state) => state.runMetrics[path]);
}

/** Whether the step at `path` has a breakpoint. */
export function useHasBreakpoint(path: string): boolean {
  const store = useContext(DecorationsContext) ?? fallbackStore;
  return useStore(store, (state) => state.breakpoints.has(path));
}

/** The canvas actions (no-ops outside a canvas, e.g. in isolated node tests). */
export function useCanvasActions(): CanvasActions {
  return useContext(ActionsContext) ?? NO_ACTIONS;
}

const NO_ACTIONS: CanvasActions = {
  toggleCollapsed: () => undefined,
  wrap: () => undefined,
  unwrap: () => undefined,
};
