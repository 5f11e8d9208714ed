import type { Pipeline, StepPath } from '../../core/model';
import {
  childSlot,
  parentOf,
  resolveSlot,
  resolveStep,
  slotOf,
  slotPath,
  stepChildren,
} from '../../core/model';

/** Keys that move the selection between nodes. */
export type NavigationKey = 'previous' | 'next' | 'into' | 'out';

function sibling(pipeline: Pipeline, path: StepPath, delta: number): StepPath | undefined {
  const place = slotOf(path);
  const length = place && resolveSlot(pipeline, place.slot)?.length;
  if (!place || length === undefined) return undefined;
  const index = place.index + delta;
  return index >= 0 && index < length ? slotPath(place.slot, index) : undefined;
}

function firstChild(pipeline: Pipeline, path: StepPath): StepPath | undefined {
  const step = resolveStep(pipeline, path);
  if (!step) return undefined;
  for (const child of stepChildren(step)) {
    if (child.kind === 'single') return `${path}.${child.ref.slot}`;
    if (child.pipeline.steps.length > 0) return slotPath(childSlot(path, child.ref), 0);
  }
  return undefined;
}

/**
 * Where keyboard navigation goes from `path`: the previous/next step of the same pipeline, the
 * first child of a container (Enter), or the container (Escape). Undefined when there is none.
 */
export function navigate(
  pipeline: Pipeline,
  path: StepPath,
  key: NavigationKey,
): StepPath | undefined {
  switch (key) {
    case 'previous':
      return sibling(pipeline, path, -1);
    case 'next':
      return sibling(pipeline, path, 1);
    case 'into':
      return firstChild(pipeline, path);
    case 'out':
      return parentOf(path);
    default:
      return undefined;
  }
}

/** The path of the step named `query`: an exact name first, else the first name containing it. */
export function findStepByName(pipeline: Pipeline, query: string): StepPath | undefined {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return undefined;
  let partial: StepPath | undefined;
  let exact: StepPath | undefined;
  const visit = (steps: Pipeline['steps'], prefix: (index: number) => StepPath) => {
    steps.forEach((step, index) => {
      if (exact !== undefined) return;
      const path = prefix(index);
      const name = step.name.toLowerCase();
      if (name === wanted) exact = path;
      else if (partial === undefined && name.includes(wanted)) partial = path;
      for (const child of stepChildren(step)) {
        if (child.kind === 'single') visit([child.step], () => `${path}.${child.ref.slot}`);
        else visit(child.pipeline.steps, (i) => slotPath(childSlot(path, child.ref), i));
      }
    });
  };
  visit(pipeline.steps, (index) => `steps[${String(index)}]`);
  return exact ?? partial;
}
