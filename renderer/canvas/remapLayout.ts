import type { Pipeline, StepNode } from '../../core/model';
import { parentOf, walkSteps } from '../../core/model';
import type { CanvasLayout, CanvasPoint } from './canvasLayout';

// The slot part at the end of a branch-label id (`slot:<owner><slot>`).
const LABEL_SLOT =
  /^slot:(.*?)(\.loop\.body|\.map\.body|\.default_branch|\.wrapped_step|\.(?:router\.branches|branches|states)(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[".*"\]))$/;

function labelsByOwner(positions: CanvasLayout['positions']): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const key of Object.keys(positions)) {
    const match = LABEL_SLOT.exec(key);
    const owner = match?.[1];
    const slot = match?.[2];
    if (owner === undefined || slot === undefined) continue;
    const list = owners.get(owner) ?? [];
    list.push(slot);
    owners.set(owner, list);
  }
  return owners;
}

function samePositions(
  a: Readonly<Record<string, CanvasPoint>>,
  b: Readonly<Record<string, CanvasPoint>>,
): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && a[key]?.x === b[key]?.x && a[key]?.y === b[key]?.y);
}

/**
 * `layout` (keyed by the paths of `before`) re-keyed for `after`: positions and collapsed state
 * follow each step to its new path, found by identity (edits keep untouched step objects), else by
 * its (unique) name, else by staying at the same path. New steps get no position, so the canvas
 * places them after their previous sibling. Returns `layout` itself when nothing moved.
 */
export function remapLayout(before: Pipeline, after: Pipeline, layout: CanvasLayout): CanvasLayout {
  const byObject = new Map<StepNode, string>();
  const byName = new Map<string, string>();
  const oldPaths = new Set<string>();
  walkSteps(before, ({ step, path }) => {
    byObject.set(step, path);
    if (!byName.has(step.name)) byName.set(step.name, path);
    oldPaths.add(path);
  });
  // A step found by identity or name claims its old path; an unclaimed old path can be taken
  // over by whatever now sits there (a step edited in place, e.g. renamed).
  const claimed = new Set<string>();
  walkSteps(after, ({ step }) => {
    const from = byObject.get(step) ?? byName.get(step.name);
    if (from !== undefined) claimed.add(from);
  });
  const labels = labelsByOwner(layout.positions);
  const collapsed = new Set(layout.collapsed);
  const positions: Record<string, CanvasPoint> = {};
  const nextCollapsed: string[] = [];
  const moved = new Map<string, string>();
  walkSteps(after, ({ step, path, parentPath }) => {
    const from =
      byObject.get(step) ??
      byName.get(step.name) ??
      (oldPaths.has(path) && !claimed.has(path) ? path : undefined);
    if (from === undefined) return;
    moved.set(from, path);
    // Positions are relative to the parent group: they only mean something under the same parent.
    const oldParent = parentOf(from);
    const sameParent =
      oldParent === undefined
        ? parentPath === undefined
        : parentPath !== undefined && moved.get(oldParent) === parentPath;
    const position = layout.positions[from];
    if (position && sameParent) positions[path] = position;
    for (const slot of labels.get(from) ?? []) {
      const label = layout.positions[`slot:${from}${slot}`];
      if (label) positions[`slot:${path}${slot}`] = label;
    }
    if (collapsed.has(from)) nextCollapsed.push(path);
  });
  const sameCollapsed =
    nextCollapsed.length === layout.collapsed.length &&
    nextCollapsed.every((path) => collapsed.has(path));
  if (sameCollapsed && samePositions(positions, layout.positions)) return layout;
  return { ...layout, positions, collapsed: nextCollapsed };
}
