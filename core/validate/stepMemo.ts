import type { StepNode } from '../model';

// One entry per step node holding every memo's value in its slot: a WeakMap entry per step and
// memo would make each fresh pipeline add tens of thousands of entries for the collector to trace.
const slotsByStep = new WeakMap<StepNode, unknown[]>();
const UNDEFINED = Symbol('undefined');
let slotCount = 0;
// The last step looked up: the engine runs every step rule on one step before the next, so most
// lookups are for the same node as the one before (one WeakMap probe per step, not per memo).
let lastStep: StepNode | undefined;
let lastSlots: unknown[] = [];

function slotsOf(step: StepNode): unknown[] {
  if (step === lastStep) return lastSlots;
  let slots = slotsByStep.get(step);
  if (!slots) {
    slots = [];
    slotsByStep.set(step, slots);
  }
  lastStep = step;
  lastSlots = slots;
  return slots;
}

/**
 * Caches a per-step analysis by node identity: `memoByStep(fn)` returns a function that computes
 * `fn(step)` once per step node and then answers from the cache. Model nodes are immutable and an
 * edit replaces only the nodes on the path to the edited step, so every other step keeps its cached
 * analysis across revalidations. Call it once at module level (one cache per analysis); `fn` must
 * depend only on the step node (its fields and children), never on its path or neighbours.
 */
export function memoByStep<T>(fn: (step: StepNode) => T): (step: StepNode) => T {
  const slot = slotCount++;
  return (step) => {
    const slots = slotsOf(step);
    const hit = slots[slot];
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as T;
    const value = fn(step);
    slots[slot] = value === undefined ? UNDEFINED : value;
    return value;
  };
}
