import type { EditResult } from './editResult';
import type { Pipeline } from './pipeline';
import type { StepNode } from './stepNode';
import type { StepPath } from './stepPath';
import { editFailure, editValue } from './editResult';
import { hasChildStepSlot, withChildStep } from './stepChildren';
import { parentSegments, parseStepPath } from './stepPath';
import { updateStepAtSegments } from './stepTreeUpdate';

/**
 * Applies `update` to the step at `path`. Returning the same step object leaves the pipeline
 * object unchanged; a new object is shared into a copy of the path above it.
 */
export function updateStep(
  pipeline: Pipeline,
  path: StepPath,
  update: (step: StepNode) => StepNode,
): EditResult {
  const segments = parseStepPath(path);
  if (!segments) return editFailure(`"${path}" is not a step path.`);
  return updateStepAtSegments(pipeline, segments, (step) => editValue(update(step)));
}

/**
 * Puts `step` at `path` in place of what is there. A `fallback` or `wrapped_step` path may point
 * to an empty slot: that sets it (how a step gets a fallback, or an empty cache its step).
 */
export function replaceStep(pipeline: Pipeline, path: StepPath, step: StepNode): EditResult {
  const segments = parseStepPath(path);
  if (!segments) return editFailure(`"${path}" is not a step path.`);
  const last = segments[segments.length - 1];
  const owner = parentSegments(segments);
  if (owner && last && (last.slot === 'fallback' || last.slot === 'wrapped_step')) {
    return updateStepAtSegments(pipeline, owner, (parent) => {
      const next = hasChildStepSlot(parent, last) && withChildStep(parent, last, step);
      return next
        ? editValue(next)
        : editFailure(`A ${parent.kind} step has no ${last.slot}; only cache steps wrap a step.`);
    });
  }
  return updateStepAtSegments(pipeline, segments, () => editValue(step));
}

/** Gives the step at `path` a new name (references to the old name are not rewritten here). */
export function renameStep(pipeline: Pipeline, path: StepPath, newName: string): EditResult {
  if (newName.trim() === '') return editFailure('A step name cannot be empty.');
  return updateStep(pipeline, path, (step) =>
    step.name === newName ? step : { ...step, name: newName },
  );
}
