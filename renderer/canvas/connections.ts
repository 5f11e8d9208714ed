import type { ContainerSlot, Pipeline, StepNode } from '../../core/model';
import {
  createStep,
  insertStep,
  moveStep,
  resolveSlot,
  resolveStep,
  slotOf,
  uniqueStepName,
} from '../../core/model';
import type { LooseStep } from './canvasLayout';
import type { ModelEdit } from './canvasEdits';
import { isStepNodeId } from './graphTypes';

/** What a user-drawn connection means: a model edit, or why the model cannot express it. */
export type ConnectionOutcome =
  | { readonly ok: true; readonly edit: ModelEdit; readonly label: string }
  | { readonly ok: false; readonly reason: string };

function refuse(reason: string): ConnectionOutcome {
  return { ok: false, reason };
}

function nameAt(pipeline: Pipeline, id: string): string {
  return resolveStep(pipeline, id)?.name ?? id;
}

function sameSlot(a: ContainerSlot, b: ContainerSlot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A model step for a loose step, named uniquely. */
export function stepFromLoose(pipeline: Pipeline, loose: LooseStep): StepNode {
  const step = createStep(loose.kind, uniqueStepName(pipeline, loose.name));
  return loose.uses === undefined ? step : { ...step, uses: loose.uses };
}

/**
 * The meaning of a new connection from `source` to `target` (node ids). Steps of a pipeline are
 * already connected in order, so a new edge between two of them is always a fork, a cycle, a jump
 * across containers or a duplicate; only a loose step can be connected (it joins the pipeline).
 */
export function interpretConnection(
  pipeline: Pipeline,
  source: string,
  target: string,
  looseSteps: readonly LooseStep[],
): ConnectionOutcome {
  if (source === target) return refuse('A step cannot connect to itself.');
  const looseTarget = looseSteps.find((loose) => `loose:${loose.id}` === target);
  const looseSource = looseSteps.find((loose) => `loose:${loose.id}` === source);
  if (looseSource && looseTarget) {
    return refuse('Connect loose steps to a step of the pipeline, not to each other.');
  }
  if (looseTarget && isStepNodeId(source)) {
    const place = slotOf(source);
    const length = place && resolveSlot(pipeline, place.slot)?.length;
    if (!place || length === undefined) return refuse('That step is not in a step list.');
    if (place.index !== length - 1) {
      return refuse(
        `"${nameAt(pipeline, source)}" already flows into the next step; a step has one successor. Drop the new step on that edge to insert it there.`,
      );
    }
    const { slot, index } = place;
    return {
      ok: true,
      label: `Add ${looseTarget.name}`,
      edit: (current) => insertStep(current, slot, index + 1, stepFromLoose(current, looseTarget)),
    };
  }
  if (looseSource && isStepNodeId(target)) {
    const place = slotOf(target);
    if (!place) return refuse('That step is not in a step list.');
    const { slot, index } = place;
    return {
      ok: true,
      label: `Add ${looseSource.name}`,
      edit: (current) => insertStep(current, slot, index, stepFromLoose(current, looseSource)),
    };
  }
  return refuse(stepConnectionRefusal(pipeline, source, target));
}

/** Why a new edge between two steps of the model cannot be drawn, in words the user can act on. */
export function stepConnectionRefusal(pipeline: Pipeline, source: string, target: string): string {
  const from = slotOf(source);
  const to = slotOf(target);
  const sourceName = nameAt(pipeline, source);
  const targetName = nameAt(pipeline, target);
  if (!isStepNodeId(source) || !isStepNodeId(target) || !from || !to) {
    return 'Only steps of a pipeline can be connected.';
  }
  if (!sameSlot(from.slot, to.slot)) {
    return `"${sourceName}" and "${targetName}" are in different pipelines (across a container). Drag "${targetName}" onto an edge or into the container instead.`;
  }
  if (to.index <= from.index) {
    return `Connecting "${sourceName}" back to "${targetName}" would make a cycle; a pipeline runs top to bottom. To repeat steps, wrap them in a Loop.`;
  }
  if (to.index === from.index + 1) return `"${sourceName}" already flows into "${targetName}".`;
  return `"${sourceName}" already flows into the next step; a second edge would fork the flow. To run steps side by side, put them in the branches of a Parallel.`;
}

/**
 * Reconnecting the edge `old` (source → target) to `next`: the end that moved names a new neighbour.
 * Moving the target end to C means "C comes right after source"; moving the source end to D means
 * "target comes right after D". Both are `moveStep`.
 */
export function interpretReconnect(
  old: { readonly source: string; readonly target: string },
  next: { readonly source: string; readonly target: string },
): ConnectionOutcome {
  const [anchor, moved] =
    next.source === old.source ? [next.source, next.target] : [next.source, old.target];
  if (!isStepNodeId(moved) || !isStepNodeId(anchor)) {
    return refuse('Reconnect an edge between two steps of the pipeline.');
  }
  if (anchor === moved) return refuse('A step cannot follow itself.');
  const place = slotOf(anchor);
  if (!place) return refuse('That step is not in a step list.');
  const { slot, index } = place;
  return {
    ok: true,
    label: 'Reorder steps',
    edit: (pipeline) => moveStep(pipeline, moved, slot, index + 1),
  };
}
