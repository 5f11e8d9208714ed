import type { ContainerSlot, EditResult, Pipeline, StepNode, StepPath } from '../../core/model';
import {
  deleteStep,
  editFailure,
  insertStep,
  listSteps,
  moveStep,
  resolveSlot,
  resolveStep,
  slotOf,
  stepChildren,
  stepNames,
  withChildStep,
  withChildSteps,
} from '../../core/model';
import type { PaletteItem } from './paletteItems';
import { buildPaletteStep } from './paletteItems';

/** A model edit as the canvas hands it to the shell (`onEdit`). */
export type ModelEdit = (pipeline: Pipeline) => EditResult;

/** Where something was dropped. */
export type DropTarget =
  | { readonly kind: 'edge'; readonly slot: ContainerSlot; readonly index: number }
  | { readonly kind: 'container'; readonly slot: ContainerSlot };

function slotLength(pipeline: Pipeline, slot: ContainerSlot): number | undefined {
  return resolveSlot(pipeline, slot)?.length;
}

function indexFor(pipeline: Pipeline, target: DropTarget): number | undefined {
  return target.kind === 'edge' ? target.index : slotLength(pipeline, target.slot);
}

/** Inserts the step `make` builds (from the pipeline it goes into) at the drop target. */
export function insertAtTarget(
  make: (pipeline: Pipeline) => StepNode,
  target: DropTarget,
): ModelEdit {
  return (pipeline) => {
    const index = indexFor(pipeline, target);
    if (index === undefined) return editFailure('That container no longer exists.');
    return insertStep(pipeline, target.slot, index, make(pipeline));
  };
}

/** Inserts a new step from the palette at the drop target (an edge's position, or a list's end). */
export function insertFromPalette(item: PaletteItem, target: DropTarget): ModelEdit {
  return insertAtTarget((pipeline) => buildPaletteStep(pipeline, item), target);
}

/** Moves the step at `from` to the drop target. */
export function moveToTarget(from: StepPath, target: DropTarget): ModelEdit {
  return (pipeline) => {
    const index = indexFor(pipeline, target);
    if (index === undefined) return editFailure('That container no longer exists.');
    return moveStep(pipeline, from, target.slot, index);
  };
}

/** Deletes every step in `paths`, later ones first so earlier paths stay valid. */
export function deleteSteps(paths: readonly StepPath[]): ModelEdit {
  return (pipeline) => {
    const wanted = new Set(paths);
    const order = listSteps(pipeline)
      .map((entry) => entry.path)
      .filter((path) => wanted.has(path))
      .reverse();
    if (order.length === 0) return editFailure('Select a step to delete.');
    let current = pipeline;
    for (const path of order) {
      if (!resolveStep(current, path)) continue;
      const result = deleteStep(current, path);
      if (!result.ok) return result;
      current = result.pipeline;
    }
    return { ok: true, pipeline: current };
  };
}

function freshName(base: string, taken: Set<string>): string {
  const stem = base.replace(/_copy(_\d+)?$/, '');
  let name = `${stem}_copy`;
  for (let n = 2; taken.has(name); n++) name = `${stem}_copy_${String(n)}`;
  taken.add(name);
  return name;
}

/** `step` and everything inside it renamed to names not in `taken` (which it extends). */
export function renameCopy(step: StepNode, taken: Set<string>): StepNode {
  let copy: StepNode = { ...step, name: freshName(step.name, taken) };
  for (const child of stepChildren(step)) {
    const updated =
      child.kind === 'list'
        ? withChildSteps(
            copy,
            child.ref,
            child.pipeline.steps.map((inner) => renameCopy(inner, taken)),
          )
        : withChildStep(copy, child.ref, renameCopy(child.step, taken));
    if (updated) copy = updated;
  }
  return copy;
}

/** Inserts copies of `steps` (unique names) into `slot` at `index` (the end when undefined). */
export function pasteSteps(
  steps: readonly StepNode[],
  slot: ContainerSlot,
  index: number | undefined,
): ModelEdit {
  return (pipeline) => {
    if (steps.length === 0) return editFailure('Nothing to paste: copy a step first.');
    const taken = new Set(stepNames(pipeline));
    let at = index ?? slotLength(pipeline, slot);
    if (at === undefined) return editFailure('That container no longer exists.');
    let current = pipeline;
    for (const step of steps) {
      const result = insertStep(current, slot, at, renameCopy(step, taken));
      if (!result.ok) return result;
      current = result.pipeline;
      at += 1;
    }
    return { ok: true, pipeline: current };
  };
}

/** Where pasted steps go: after `path` in its list, or at the end of the top level. */
export function pastePlace(path: StepPath | undefined): {
  readonly slot: ContainerSlot;
  readonly index: number | undefined;
} {
  const place = path === undefined ? undefined : slotOf(path);
  if (!place) return { slot: { owner: 'root', slot: 'steps' }, index: undefined };
  return { slot: place.slot, index: place.index + 1 };
}
