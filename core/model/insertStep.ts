import type { ContainerSlot, ParsedContainerSlot } from './containerSlot';
import type { EditResult } from './editResult';
import type { Pipeline } from './pipeline';
import type { StepNode } from './stepNode';
import { parseContainerSlot } from './containerSlot';
import { editFailure, editValue } from './editResult';
import { updateStepsInSlot } from './stepTreeUpdate';

/** Inserts `steps` at `index` of an already parsed slot; the index may equal the list length. */
export function insertIntoParsedSlot(
  pipeline: Pipeline,
  slot: ParsedContainerSlot,
  index: number,
  steps: readonly StepNode[],
): EditResult {
  return updateStepsInSlot(pipeline, slot, (current) => {
    if (!Number.isInteger(index) || index < 0 || index > current.length) {
      return editFailure(
        `Cannot insert at position ${String(index)}: the list has ${String(current.length)} steps.`,
      );
    }
    return editValue([...current.slice(0, index), ...steps, ...current.slice(index)]);
  });
}

/**
 * Inserts `step` into `slot` at `index` (0 = first, the list length = last). Inserting into a
 * conditional's absent `default_branch` creates it; a missing branch key is an error.
 */
export function insertStep(
  pipeline: Pipeline,
  slot: ContainerSlot,
  index: number,
  step: StepNode,
): EditResult {
  const parsed = parseContainerSlot(slot);
  if (!parsed) return editFailure(`"${slot.owner}" is not a step path.`);
  return insertIntoParsedSlot(pipeline, parsed, index, [step]);
}
