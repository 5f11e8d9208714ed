import type { StepKind } from '../../core/model';

/** A point in flow coordinates (relative to the parent group for nested steps). */
export interface CanvasPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * A step dropped on empty canvas: drawn with a warning, never part of the model, never exported
 * (ARCHITECTURE.md, Data flow 2). Connecting it to a pipeline moves it into the model.
 */
export interface LooseStep {
  readonly id: string;
  readonly kind: StepKind;
  readonly name: string;
  /** Extra fields of the palette item that made it (e.g. `uses: agents.x`). */
  readonly uses?: string;
  readonly position: CanvasPoint;
}

/** The canvas part of the sidecar (`<file>.studio.json`). */
export interface CanvasLayout {
  /** Node positions by step path (or canvas node id for branch labels). */
  readonly positions: Readonly<Record<string, CanvasPoint>>;
  /** Paths of containers drawn as one node. */
  readonly collapsed: readonly string[];
  readonly loose?: readonly LooseStep[];
}

/** Run status painted as a ring on a node (issue 8). */
export type NodeRunStatus = 'running' | 'succeeded' | 'failed' | 'skipped' | 'paused' | 'mocked';

/** What a run measured for one step, drawn as chips on its node (issue 8). */
export interface NodeRunMetrics {
  readonly latencyMs?: number;
  readonly tokens: number;
  readonly costUsd: number;
  readonly attempts: number;
  /** Loop/map iterations started (containers). */
  readonly iterations?: number;
  readonly cacheHit?: boolean;
}

/** A layout with no positions, nothing collapsed and no loose steps. */
export const EMPTY_LAYOUT: CanvasLayout = { positions: {}, collapsed: [] };
