/**
 * The studio sidecar (`<file>.studio.json`): what the canvas and debugger remember about a
 * document that a run never needs. Read leniently: a damaged sidecar loses only the bad parts.
 */

/** A node position on the canvas. */
export interface NodePosition {
  readonly x: number;
  readonly y: number;
}

/** A breakpoint as the sidecar stores it (same shape as shared/schemas `breakpoint`). */
export interface SidecarBreakpoint {
  readonly path: string;
  readonly condition?: string;
  readonly enabled?: boolean;
}

/** Studio-only data of a document, saved next to the YAML. */
export interface Sidecar {
  readonly positions: Readonly<Record<string, NodePosition>>;
  readonly collapsed: readonly string[];
  /** Steps dropped on empty canvas (kept as the canvas gave them; never exported). */
  readonly loose: readonly unknown[];
  readonly breakpoints: readonly SidecarBreakpoint[];
  readonly pinnedOutputs: Readonly<Record<string, unknown>>;
}

/** A sidecar with nothing in it. */
export const EMPTY_SIDECAR: Sidecar = {
  positions: {},
  collapsed: [],
  loose: [],
  breakpoints: [],
  pinnedOutputs: {},
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPositions(value: unknown): Record<string, NodePosition> {
  const positions: Record<string, NodePosition> = {};
  if (!isRecord(value)) return positions;
  for (const [path, position] of Object.entries(value)) {
    if (isRecord(position) && typeof position.x === 'number' && typeof position.y === 'number') {
      positions[path] = { x: position.x, y: position.y };
    }
  }
  return positions;
}

function readBreakpoints(value: unknown): SidecarBreakpoint[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.path === 'string'
      ? [
          {
            path: entry.path,
            ...(typeof entry.condition === 'string' ? { condition: entry.condition } : {}),
            ...(typeof entry.enabled === 'boolean' ? { enabled: entry.enabled } : {}),
          },
        ]
      : [],
  );
}

/** Reads a sidecar from its JSON object (null or garbage gives an empty sidecar). */
export function readSidecar(json: unknown): Sidecar {
  if (!isRecord(json)) return EMPTY_SIDECAR;
  return {
    positions: readPositions(json.positions),
    collapsed: Array.isArray(json.collapsed)
      ? json.collapsed.filter((p): p is string => typeof p === 'string')
      : [],
    loose: Array.isArray(json.loose) ? (json.loose as unknown[]) : [],
    breakpoints: readBreakpoints(json.breakpoints),
    pinnedOutputs: isRecord(json.pinnedOutputs) ? json.pinnedOutputs : {},
  };
}

/** The sidecar as the JSON object `documents.save` writes. */
export function sidecarJson(sidecar: Sidecar): Record<string, unknown> {
  return { version: 1, ...sidecar };
}

/** Whether a sidecar holds nothing worth saving. */
export function isEmptySidecar(sidecar: Sidecar): boolean {
  return (
    Object.keys(sidecar.positions).length === 0 &&
    sidecar.collapsed.length === 0 &&
    sidecar.loose.length === 0 &&
    sidecar.breakpoints.length === 0 &&
    Object.keys(sidecar.pinnedOutputs).length === 0
  );
}
