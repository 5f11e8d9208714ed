import type { SubtreeVisits } from './stepVisits';

/**
 * Caches an analysis of one top-level subtree's visits by the subtree's identity: the engine hands
 * out the identical `SubtreeVisits` object while the top-level step node and its index are
 * unchanged, so a rule over every step recomputes after an edit only the subtree that changed.
 * Call it once at module level; `fn` must depend only on the subtree's visits (their steps, paths
 * and ancestors), never on other steps or pipeline-level inputs.
 */
export function memoBySubtree<T>(fn: (subtree: SubtreeVisits) => T): (subtree: SubtreeVisits) => T {
  const cache = new WeakMap<SubtreeVisits, { readonly value: T }>();
  return (subtree) => {
    let hit = cache.get(subtree);
    if (!hit) {
      hit = { value: fn(subtree) };
      cache.set(subtree, hit);
    }
    return hit.value;
  };
}
