import type { ContainerSlot, ParsedContainerSlot } from './containerSlot';
import type { EditResult } from './editResult';
import type { Pipeline } from './pipeline';
import type { StepPath, StepPathSegments } from './stepPath';
import { locateInParsedSlot, parseContainerSlot, sameParsedSlot } from './containerSlot';
import { editFailure } from './editResult';
import { insertIntoParsedSlot } from './insertStep';
import { resolveParsedSlot, resolveSegments } from './resolveStep';
import { isSameOrInside, parseStepPath, sameSegment } from './stepPath';
import { removeAtSegments } from './stepTreeUpdate';

/**
 * Where `target` points once the step at `removed` (an entry of a list) is gone: a later sibling
 * of the removed step, or anything inside one, moves up by one in that list.
 */
function rebaseAfterRemoval(target: StepPathSegments, removed: StepPathSegments): StepPathSegments {
  const depth = removed.length - 1;
  const removedLast = removed[depth];
  const targetAtDepth = target[depth];
  if (!removedLast || !('index' in removedLast) || !targetAtDepth || !('index' in targetAtDepth)) {
    return target;
  }
  const sameParent = removed.slice(0, depth).every((segment, i) => {
    const other = target[i];
    return other !== undefined && sameSegment(segment, other);
  });
  const sameList =
    sameParent && sameSegment({ ...removedLast, index: 0 }, { ...targetAtDepth, index: 0 });
  if (!sameList || targetAtDepth.index <= removedLast.index) return target;
  const [root, ...children] = target;
  const shift = <T extends { readonly index: number }>(segment: T): T => ({
    ...segment,
    index: segment.index - 1,
  });
  if (depth === 0) return [shift(root), ...children];
  return [
    root,
    ...children.map((segment, i) =>
      i === depth - 1 && 'index' in segment ? shift(segment) : segment,
    ),
  ];
}

function rebaseSlot(slot: ParsedContainerSlot, removed: StepPathSegments): ParsedContainerSlot {
  if (slot.owner === 'root') return slot;
  return { owner: rebaseAfterRemoval(slot.owner, removed), ref: slot.ref };
}

/**
 * Moves the step at `fromPath` into `toSlot` at `toIndex`, across containers or within one list.
 * `toIndex` is a position in the target list as it is now, before the step is taken out (so
 * moving `steps[0]` to index 3 of the same list puts it just before the old `steps[3]`).
 * A step cannot be moved into itself or its own children.
 */
export function moveStep(
  pipeline: Pipeline,
  fromPath: StepPath,
  toSlot: ContainerSlot,
  toIndex: number,
): EditResult {
  const from = parseStepPath(fromPath);
  if (!from) return editFailure(`"${fromPath}" is not a step path.`);
  const step = resolveSegments(pipeline, from);
  if (!step) return editFailure(`There is no step at ${fromPath}.`);
  const target = parseContainerSlot(toSlot);
  if (!target) return editFailure(`"${toSlot.owner}" is not a step path.`);
  if (target.owner !== 'root' && isSameOrInside(target.owner, from)) {
    return editFailure(`Cannot move "${step.name}" into itself.`);
  }
  const targetSteps = resolveParsedSlot(pipeline, target);
  if (!targetSteps) return editFailure('The target container slot does not exist.');
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex > targetSteps.length) {
    return editFailure(
      `Cannot move to position ${String(toIndex)}: the list has ${String(targetSteps.length)} steps.`,
    );
  }
  const source = locateInParsedSlot(from);
  let index = toIndex;
  if (source && sameParsedSlot(source.slot, target)) {
    if (toIndex === source.index || toIndex === source.index + 1) return { ok: true, pipeline };
    if (toIndex > source.index) index -= 1;
  }
  const removed = removeAtSegments(pipeline, from);
  if (!removed.ok) return removed;
  const rebased = source ? rebaseSlot(target, from) : target;
  return insertIntoParsedSlot(removed.value.pipeline, rebased, index, [step]);
}
