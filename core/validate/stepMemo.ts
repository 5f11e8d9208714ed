import type { StepNode } from '../model';

/**
 * Caches a per-step analysis by node identity: `memoByStep(fn)` returns a function that computes
 * `fn(step)` once per step node and then answers from a WeakMap. Model nodes are immutable and an
 * edit replaces only the nodes on the path to the edited step, so every other step keeps its cached
 * analysis across revalidations. Call it once at module level (one cache per analysis); `fn` must
 * depend only on the step node (its fields and children), never on its path or neighbours.
 */
export function memoByStep<T>(fn: (step: StepNode) => T): (step: StepNode) => T {
  const cache = new WeakMap<StepNode, { readonly value: T }>();
  return (step) => {
    const hit = cache.get(step);
    if (hit) return hit.value;
    const value = fn(step);
    cache.set(step, { value });
    return value;
  };
}
