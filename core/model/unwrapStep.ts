import type { EditResult } from './editResult';
import type { Pipeline } from './pipeline';
import type { StepNode } from './stepNode';
import type { StepPath } from './stepPath';
import { locateInParsedSlot } from './containerSlot';
import { editFailure, editValue } from './editResult';
import { resolveSegments } from './resolveStep';
import { isContainer, stepChildren } from './stepChildren';
import { parseStepPath } from './stepPath';
import { updateStepAtSegments, updateStepsInSlot } from './stepTreeUpdate';

function innerSteps(step: StepNode): readonly StepNode[] | string {
  if (!isContainer(step)) return `"${step.name}" is a ${step.kind} step, not a container.`;
  if (step.fallback) return `Remove the fallback of "${step.name}" before unwrapping it.`;
  const children = stepChildren(step);
  const [only] = children;
  if (children.length !== 1 || !only) {
    return `"${step.name}" has ${String(children.length)} child pipelines; only a container with exactly one can be unwrapped.`;
  }
  return only.kind === 'single' ? [only.step] : only.pipeline.steps;
}

/**
 * Replaces a container by the steps of its single child: a loop/map body, a cache's wrapped step,
 * or the one branch/state of a parallel, conditional (without default branch), router or
 * StateMachine. Fails when there are several children or the container has a fallback.
 */
export function unwrapStep(pipeline: Pipeline, path: StepPath): EditResult {
  const segments = parseStepPath(path);
  if (!segments) return editFailure(`"${path}" is not a step path.`);
  const step = resolveSegments(pipeline, segments);
  if (!step) return editFailure(`There is no step at ${path}.`);
  const inner = innerSteps(step);
  if (typeof inner === 'string') return editFailure(inner);
  const place = locateInParsedSlot(segments);
  if (place) {
    return updateStepsInSlot(pipeline, place.slot, (steps) =>
      editValue([...steps.slice(0, place.index), ...inner, ...steps.slice(place.index + 1)]),
    );
  }
  const [only] = inner;
  if (inner.length !== 1 || !only) {
    return editFailure(`A ${step.kind} in a single-step slot can only be unwrapped to one step.`);
  }
  return updateStepAtSegments(pipeline, segments, () => editValue(only));
}
