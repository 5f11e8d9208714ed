import { assertNever } from './assertNever';
import type { ChildListRef, StepPath, StepPathSegments } from './stepPath';
import {
  appendSegment,
  formatSegment,
  formatStepPath,
  parentSegments,
  parseStepPath,
} from './stepPath';

/**
 * Where a list of steps lives: the pipeline's top-level `steps`, or a child list of the container
 * at `owner` (`loop.body`, `branches` + key, …). The canvas inserts "into slot X at index i".
 */
export type ContainerSlot =
  | { readonly owner: 'root'; readonly slot: 'steps' }
  | ({ readonly owner: StepPath } & ChildListRef);

/** A container slot whose owner path has been parsed; what the tree-editing code works with. */
export type ParsedContainerSlot =
  { readonly owner: 'root' } | { readonly owner: StepPathSegments; readonly ref: ChildListRef };

/** The pipeline's top-level step list. */
export const ROOT_SLOT: ContainerSlot = { owner: 'root', slot: 'steps' };

/** The slot for the child list `ref` of the container at `owner`. */
export function childSlot(owner: StepPath, ref: ChildListRef): ContainerSlot {
  return { ...ref, owner };
}

/** The child-list part of a non-root slot (`slot` and `key`, without `owner`). */
export function listRefOf(slot: Exclude<ContainerSlot, { owner: 'root' }>): ChildListRef {
  switch (slot.slot) {
    case 'branches':
    case 'router.branches':
    case 'states':
      return { slot: slot.slot, key: slot.key };
    case 'loop.body':
    case 'map.body':
    case 'default_branch':
      return { slot: slot.slot };
    default:
      return assertNever(slot);
  }
}

/** Parses a slot's owner path; undefined when it is malformed. */
export function parseContainerSlot(slot: ContainerSlot): ParsedContainerSlot | undefined {
  if (slot.slot === 'steps') return { owner: 'root' };
  const owner = parseStepPath(slot.owner);
  return owner && { owner, ref: listRefOf(slot) };
}

/** The path of the step at `index` in `slot`. */
export function slotPath(slot: ContainerSlot, index: number): StepPath {
  if (slot.slot === 'steps') return formatSegment({ slot: 'steps', index });
  return slot.owner + formatSegment({ ...listRefOf(slot), index });
}

/** The segments of the step at `index` in a parsed slot. */
export function parsedSlotPath(slot: ParsedContainerSlot, index: number): StepPathSegments {
  if (slot.owner === 'root') return [{ slot: 'steps', index }];
  return appendSegment(slot.owner, { ...slot.ref, index });
}

/** The list a step path points into and its index there; undefined for `fallback`/`wrapped_step`. */
export function locateInParsedSlot(
  segments: StepPathSegments,
): { readonly slot: ParsedContainerSlot; readonly index: number } | undefined {
  const last = segments[segments.length - 1];
  const owner = parentSegments(segments);
  if (!last || !('index' in last)) return undefined;
  if (last.slot === 'steps' || !owner) return { slot: { owner: 'root' }, index: last.index };
  const ref: ChildListRef =
    last.slot === 'loop.body' || last.slot === 'map.body' || last.slot === 'default_branch'
      ? { slot: last.slot }
      : { slot: last.slot, key: last.key };
  return { slot: { owner, ref }, index: last.index };
}

/** The slot and index of the step at `path`; undefined for a malformed path or a single-step slot. */
export function slotOf(
  path: StepPath,
): { readonly slot: ContainerSlot; readonly index: number } | undefined {
  const segments = parseStepPath(path);
  const located = segments && locateInParsedSlot(segments);
  if (!located) return undefined;
  return { slot: formatContainerSlot(located.slot), index: located.index };
}

/** The public form of a parsed slot. */
export function formatContainerSlot(slot: ParsedContainerSlot): ContainerSlot {
  return slot.owner === 'root' ? ROOT_SLOT : childSlot(formatStepPath(slot.owner), slot.ref);
}

/** Whether two parsed slots are the same list. */
export function sameParsedSlot(a: ParsedContainerSlot, b: ParsedContainerSlot): boolean {
  if (a.owner === 'root' || b.owner === 'root') return a.owner === b.owner;
  return formatContainerSlotKey(a) === formatContainerSlotKey(b);
}

function formatContainerSlotKey(slot: { owner: StepPathSegments; ref: ChildListRef }): string {
  return formatStepPath(slot.owner) + formatSegment({ ...slot.ref, index: 0 });
}
