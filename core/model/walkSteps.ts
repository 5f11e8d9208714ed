import type { Pipeline } from './pipeline';
import type { StepNode } from './stepNode';
import type { ChildRef, StepPath, StepPathSegment } from './stepPath';
import { stepChildren } from './stepChildren';
import { childPath, formatSegment } from './stepPath';

/** A container on the way from the top level down to a visited step, and the slot taken out of it. */
export interface StepAncestor {
  readonly step: StepNode;
  readonly path: StepPath;
  /** The child slot of `step` that leads towards the visited step. */
  readonly via: ChildRef;
}

/** What `walkSteps` tells its visitor about each step. */
export interface StepVisit {
  readonly step: StepNode;
  readonly path: StepPath;
  /** Path of the step holding this one; undefined at the top level. */
  readonly parentPath: StepPath | undefined;
  /** Where this step sits in its parent: a list segment (with index), or a single-step slot. */
  readonly segment: StepPathSegment;
  /** 0 for top-level steps, 1 for their children, … */
  readonly depth: number;
  /** Outermost first; `ancestors[depth - 1]` is the parent. */
  readonly ancestors: readonly StepAncestor[];
}

/**
 * A visitor. Returning `'skip'` does not descend into that step's children (fallback included);
 * any other return value (usually none) continues the walk.
 */
export type StepVisitor = (visit: StepVisit) => unknown;

function walkList(
  steps: readonly StepNode[],
  makeSegment: (index: number) => StepPathSegment,
  parentPath: StepPath | undefined,
  ancestors: readonly StepAncestor[],
  visitor: StepVisitor,
): void {
  steps.forEach((step, index) => {
    walkOne(step, makeSegment(index), parentPath, ancestors, visitor);
  });
}

function walkOne(
  step: StepNode,
  segment: StepPathSegment,
  parentPath: StepPath | undefined,
  ancestors: readonly StepAncestor[],
  visitor: StepVisitor,
): void {
  const path =
    parentPath === undefined || segment.slot === 'steps'
      ? formatSegment(segment)
      : childPath(parentPath, segment);
  const result = visitor({ step, path, parentPath, segment, depth: ancestors.length, ancestors });
  if (result === 'skip') return;
  for (const child of stepChildren(step)) {
    const inner = [...ancestors, { step, path, via: child.ref }];
    if (child.kind === 'single') {
      walkOne(child.step, child.ref, path, inner, visitor);
    } else {
      const ref = child.ref;
      walkList(child.pipeline.steps, (index) => ({ ...ref, index }), path, inner, visitor);
    }
  }
}

/**
 * Visits every step of the pipeline depth-first in document order: a step, then its container
 * children (branches in file order, then the default branch), then its fallback.
 */
export function walkSteps(pipeline: Pick<Pipeline, 'steps'>, visitor: StepVisitor): void {
  walkList(pipeline.steps, (index) => ({ slot: 'steps', index }), undefined, [], visitor);
}

/** Every step with its path, in `walkSteps` order. */
export function listSteps(
  pipeline: Pick<Pipeline, 'steps'>,
): readonly { readonly step: StepNode; readonly path: StepPath }[] {
  const found: { step: StepNode; path: StepPath }[] = [];
  walkSteps(pipeline, ({ step, path }) => {
    found.push({ step, path });
  });
  return found;
}
