/**
 * Rebuilding the step tree along one path with structural sharing: only the steps and child
 * pipelines on the way to the edited place are copied; every other subtree keeps its identity.
 */
import type { EditOutcome, EditResult } from './editResult';
import type { ParsedContainerSlot } from './containerSlot';
import type { Pipeline } from './pipeline';
import type { StepNode } from './stepNode';
import type { ChildListSegment, ChildRef, ChildStepRef, StepPathSegments } from './stepPath';
import { assertNever } from './assertNever';
import { editFailure, editValue } from './editResult';
import { childStepAt, childStepsAt, withChildStep, withChildSteps } from './stepChildren';
import { locateInParsedSlot } from './containerSlot';
import { resolveSegments } from './resolveStep';
import { formatStepPath, parentSegments } from './stepPath';

/** Words for a child slot in messages: `loop body`, `branch "a"`, `fallback`, … */
export function describeChildRef(ref: ChildRef): string {
  switch (ref.slot) {
    case 'loop.body':
      return 'loop body';
    case 'map.body':
      return 'map body';
    case 'default_branch':
      return 'default branch';
    case 'branches':
      return `branch ${JSON.stringify(ref.key)}`;
    case 'router.branches':
      return `router branch ${JSON.stringify(ref.key)}`;
    case 'states':
      return `state ${JSON.stringify(ref.key)}`;
    case 'wrapped_step':
      return 'wrapped step';
    case 'fallback':
      return 'fallback';
    default:
      return assertNever(ref);
  }
}

type StepUpdate = (step: StepNode) => EditOutcome<StepNode>;

function updateWithin(
  step: StepNode,
  rest: readonly (ChildListSegment | ChildStepRef)[],
  update: StepUpdate,
): EditOutcome<StepNode> {
  const [segment, ...deeper] = rest;
  if (!segment) return update(step);
  if (!('index' in segment)) {
    const child = childStepAt(step, segment);
    if (!child) return editFailure(`Step "${step.name}" has no ${describeChildRef(segment)}.`);
    const updated = updateWithin(child, deeper, update);
    if (!updated.ok || updated.value === child) return updated.ok ? editValue(step) : updated;
    const next = withChildStep(step, segment, updated.value);
    return next
      ? editValue(next)
      : editFailure(`Step "${step.name}" cannot hold a ${segment.slot}.`);
  }
  const steps = childStepsAt(step, segment);
  const child = steps?.[segment.index];
  if (!steps || !child) {
    return editFailure(
      `Step "${step.name}" has no step ${String(segment.index)} in its ${describeChildRef(segment)}.`,
    );
  }
  const updated = updateWithin(child, deeper, update);
  if (!updated.ok || updated.value === child) return updated.ok ? editValue(step) : updated;
  const replacement = updated.value;
  const next = withChildSteps(
    step,
    segment,
    steps.map((other, i) => (i === segment.index ? replacement : other)),
  );
  return next ? editValue(next) : editFailure(`Cannot update ${describeChildRef(segment)}.`);
}

/**
 * The pipeline with the step at `segments` replaced by `update(step)`. When `update` returns the
 * same step, the same pipeline object is returned.
 */
export function updateStepAtSegments(
  pipeline: Pipeline,
  segments: StepPathSegments,
  update: StepUpdate,
): EditResult {
  const [root, ...children] = segments;
  const top = pipeline.steps[root.index];
  if (!top) return editFailure(`There is no step at ${formatStepPath(segments)}.`);
  const updated = updateWithin(top, children, update);
  if (!updated.ok) return updated;
  if (updated.value === top) return { ok: true, pipeline };
  const replacement = updated.value;
  const steps = pipeline.steps.map((step, i) => (i === root.index ? replacement : step));
  return { ok: true, pipeline: { ...pipeline, steps } };
}

/** The pipeline with the step list in `slot` replaced by `update(steps)`. */
export function updateStepsInSlot(
  pipeline: Pipeline,
  slot: ParsedContainerSlot,
  update: (steps: readonly StepNode[]) => EditOutcome<readonly StepNode[]>,
): EditResult {
  if (slot.owner === 'root') {
    const updated = update(pipeline.steps);
    if (!updated.ok) return updated;
    return { ok: true, pipeline: { ...pipeline, steps: updated.value } };
  }
  const ref = slot.ref;
  return updateStepAtSegments(pipeline, slot.owner, (owner) => {
    const steps = childStepsAt(owner, ref);
    if (!steps) return editFailure(`Step "${owner.name}" has no ${describeChildRef(ref)}.`);
    const updated = update(steps);
    if (!updated.ok) return updated;
    const next = withChildSteps(owner, ref, updated.value);
    return next ? editValue(next) : editFailure(`Cannot change the ${describeChildRef(ref)}.`);
  });
}

/** The pipeline with the step at `segments` removed, and the removed step. */
export function removeAtSegments(
  pipeline: Pipeline,
  segments: StepPathSegments,
): EditOutcome<{ readonly pipeline: Pipeline; readonly removed: StepNode }> {
  const removed = resolveSegments(pipeline, segments);
  if (!removed) return editFailure(`There is no step at ${formatStepPath(segments)}.`);
  const located = locateInParsedSlot(segments);
  const owner = parentSegments(segments);
  const last = segments[segments.length - 1];
  const result = located
    ? updateStepsInSlot(pipeline, located.slot, (steps) =>
        editValue(steps.filter((_, i) => i !== located.index)),
      )
    : owner && last && last.slot !== 'steps' && !('index' in last)
      ? updateStepAtSegments(pipeline, owner, (step) => {
          const next = withChildStep(step, last, undefined);
          return next ? editValue(next) : editFailure(`Step "${step.name}" has no ${last.slot}.`);
        })
      : editFailure(`There is no step at ${formatStepPath(segments)}.`);
  return result.ok ? editValue({ pipeline: result.pipeline, removed }) : result;
}
