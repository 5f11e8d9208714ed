import type { ContainerSlot, ParsedContainerSlot } from './containerSlot';
import type { Pipeline } from './pipeline';
import type { StepNode } from './stepNode';
import type { StepPath, StepPathSegments } from './stepPath';
import { parseContainerSlot } from './containerSlot';
import { childStepAt, childStepsAt } from './stepChildren';
import { parseStepPath } from './stepPath';

/** The step at parsed `segments`, or undefined when any segment does not exist. */
export function resolveSegments(
  pipeline: Pick<Pipeline, 'steps'>,
  segments: StepPathSegments,
): StepNode | undefined {
  const [root, ...children] = segments;
  let step = pipeline.steps[root.index];
  for (const segment of children) {
    if (!step) return undefined;
    if ('index' in segment) step = childStepsAt(step, segment)?.[segment.index];
    else step = childStepAt(step, segment);
  }
  return step;
}

/** The step at `path` (`steps[1].loop.body[0]`), or undefined for a malformed or dangling path. */
export function resolveStep(
  pipeline: Pick<Pipeline, 'steps'>,
  path: StepPath | StepPathSegments,
): StepNode | undefined {
  const segments = typeof path === 'string' ? parseStepPath(path) : path;
  return segments && resolveSegments(pipeline, segments);
}

/** The steps currently in a parsed slot, or undefined when its owner or branch does not exist. */
export function resolveParsedSlot(
  pipeline: Pick<Pipeline, 'steps'>,
  slot: ParsedContainerSlot,
): readonly StepNode[] | undefined {
  if (slot.owner === 'root') return pipeline.steps;
  const owner = resolveSegments(pipeline, slot.owner);
  return owner && childStepsAt(owner, slot.ref);
}

/** The steps currently in `slot` (`[]` for a conditional's absent default branch), or undefined. */
export function resolveSlot(
  pipeline: Pick<Pipeline, 'steps'>,
  slot: ContainerSlot,
): readonly StepNode[] | undefined {
  const parsed = parseContainerSlot(slot);
  return parsed && resolveParsedSlot(pipeline, parsed);
}
