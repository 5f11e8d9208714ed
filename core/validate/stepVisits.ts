import type { Pipeline, StepAncestor, StepNode, StepPathSegment, StepVisit } from '../model';
import { childPath, formatSegment, isContainer, stepChildren } from '../model';

/** The visits of one top-level step's subtree, and whether any of its steps suppresses rules. */
export interface SubtreeVisits {
  /** The top-level step and its index in `steps`. */
  readonly step: StepNode;
  readonly index: number;
  readonly visits: readonly StepVisit[];
  readonly hasMetaSuppressions: boolean;
}

/** Every step visit of a pipeline, plus facts the engine needs about all of them. */
export interface PipelineVisits {
  readonly visits: readonly StepVisit[];
  /** The same visits grouped by top-level step, in order (identical objects across runs when
   * the top-level step node and its index did not change). */
  readonly subtrees: readonly SubtreeVisits[];
  /** Whether any step carries `meta.suppress_rules`. */
  readonly hasMetaSuppressions: boolean;
}

// A top-level step node that sits at the same index has exactly the same subtree visits (paths and
// ancestors included), so revalidation after an edit re-walks only the edited top-level subtree.
const subtreeCache = new WeakMap<StepNode, SubtreeVisits>();

function walkInto(
  step: StepNode,
  segment: StepPathSegment,
  parentPath: string | undefined,
  ancestors: readonly StepAncestor[],
  out: StepVisit[],
): void {
  const path =
    parentPath === undefined || segment.slot === 'steps'
      ? formatSegment(segment)
      : childPath(parentPath, segment);
  out.push({ step, path, parentPath, segment, depth: ancestors.length, ancestors });
  // Most steps are leaves: skip building their (empty) child list.
  if (!step.fallback && !isContainer(step)) return;
  for (const child of stepChildren(step)) {
    const inner = [...ancestors, { step, path, via: child.ref }];
    if (child.kind === 'single') {
      walkInto(child.step, child.ref, path, inner, out);
      continue;
    }
    const steps = child.pipeline.steps;
    for (let index = 0; index < steps.length; index++) {
      const nested = steps[index];
      if (nested) walkInto(nested, { ...child.ref, index }, path, inner, out);
    }
  }
}

function subtreeOf(step: StepNode, index: number): SubtreeVisits {
  const cached = subtreeCache.get(step);
  if (cached?.index === index) return cached;
  const visits: StepVisit[] = [];
  walkInto(step, { slot: 'steps', index }, undefined, [], visits);
  const hasMetaSuppressions = visits.some(
    (visit) => (visit.step.meta?.suppress_rules?.length ?? 0) > 0,
  );
  const subtree = { step, index, visits, hasMetaSuppressions };
  subtreeCache.set(step, subtree);
  return subtree;
}

/**
 * The visits of `walkSteps` (same order, paths, segments and ancestors), cached per top-level
 * step node, so that revalidating after an edit walks only the top-level subtree that changed.
 */
export function collectStepVisits(pipeline: Pick<Pipeline, 'steps'>): PipelineVisits {
  const visits: StepVisit[] = [];
  const subtrees: SubtreeVisits[] = [];
  let hasMetaSuppressions = false;
  pipeline.steps.forEach((step, index) => {
    const subtree = subtreeOf(step, index);
    subtrees.push(subtree);
    for (const visit of subtree.visits) visits.push(visit);
    hasMetaSuppressions ||= subtree.hasMetaSuppressions;
  });
  return { visits, subtrees, hasMetaSuppressions };
}
