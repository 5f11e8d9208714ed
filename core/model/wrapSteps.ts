import type { ParsedContainerSlot } from './containerSlot';
import type { EditOutcome, EditResult } from './editResult';
import type { Pipeline } from './pipeline';
import type { StepNode } from './stepNode';
import type { StepPath } from './stepPath';
import { locateInParsedSlot, sameParsedSlot } from './containerSlot';
import { assertNever } from './assertNever';
import { createStep, FIRST_BRANCH_KEY } from './createStep';
import { editFailure, editValue } from './editResult';
import { withChildSteps } from './stepChildren';
import { parseStepPath } from './stepPath';
import { updateStepsInSlot } from './stepTreeUpdate';

/** Containers that `wrapSteps` can put steps into. */
export type WrapContainer = 'loop' | 'map' | 'parallel' | 'conditional' | 'cache';

function buildContainer(
  container: WrapContainer,
  name: string,
  steps: readonly StepNode[],
): EditOutcome<StepNode> {
  const [first] = steps;
  let built: StepNode | undefined;
  switch (container) {
    case 'loop':
      built = withChildSteps(createStep('loop', name), { slot: 'loop.body' }, steps);
      break;
    case 'map':
      built = withChildSteps(createStep('map', name), { slot: 'map.body' }, steps);
      break;
    case 'parallel':
    case 'conditional':
      built = withChildSteps(
        createStep(container, name),
        { slot: 'branches', key: FIRST_BRANCH_KEY },
        steps,
      );
      break;
    case 'cache':
      if (steps.length !== 1 || !first) return editFailure('A cache step wraps exactly one step.');
      built = { ...createStep('cache', name), wrapped_step: first };
      break;
    default:
      return assertNever(container);
  }
  return built ? editValue(built) : editFailure(`Cannot build a ${container} step.`);
}

function locateSiblings(paths: readonly StepPath[]): EditOutcome<{
  readonly slot: ParsedContainerSlot;
  readonly start: number;
  readonly count: number;
}> {
  if (paths.length === 0) return editFailure('Select at least one step to wrap.');
  const located = [];
  for (const path of paths) {
    const segments = parseStepPath(path);
    if (!segments) return editFailure(`"${path}" is not a step path.`);
    const place = locateInParsedSlot(segments);
    if (!place)
      return editFailure(`${path} is a fallback or wrapped step, not an entry of a step list.`);
    located.push(place);
  }
  const [first] = located;
  if (!first || located.some((place) => !sameParsedSlot(place.slot, first.slot))) {
    return editFailure('Only steps of the same list can be wrapped together.');
  }
  const indices = located.map((place) => place.index).sort((a, b) => a - b);
  const start = indices[0] ?? 0;
  if (indices.some((index, i) => index !== start + i)) {
    return editFailure('Only neighbouring steps (no gaps, no repeats) can be wrapped together.');
  }
  return editValue({ slot: first.slot, start, count: indices.length });
}

/**
 * Replaces contiguous sibling steps by a new `container` named `name` that holds them: the loop or
 * map body, the first branch of a parallel/conditional, or a cache's wrapped step (one step only).
 * The container takes the place of the first wrapped step.
 */
export function wrapSteps(
  pipeline: Pipeline,
  paths: readonly StepPath[],
  container: WrapContainer,
  name: string,
): EditResult {
  const siblings = locateSiblings(paths);
  if (!siblings.ok) return siblings;
  const { slot, start, count } = siblings.value;
  return updateStepsInSlot(pipeline, slot, (steps) => {
    const wrapped = steps.slice(start, start + count);
    if (wrapped.length !== count) return editFailure('Some of the selected steps do not exist.');
    const built = buildContainer(container, name, wrapped);
    if (!built.ok) return built;
    return editValue([...steps.slice(0, start), built.value, ...steps.slice(start + count)]);
  });
}
