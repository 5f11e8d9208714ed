import type { StepNode } from '../model';
import type { Finding } from './ruleContext';
import type { RuleDefinition } from './ruleDefinition';
import type { SubtreeVisits } from './stepVisits';
import type { ValidationDiagnostic } from './validationTypes';

/** A raw finding of a step-local rule (before suppressions and overrides), or a rule failure. */
export type StepRuleOutcome =
  | { readonly rule: RuleDefinition; readonly finding: Finding }
  | { readonly failure: ValidationDiagnostic };

interface CachedSubtree {
  readonly index: number;
  readonly stamp: readonly unknown[];
  readonly outcomes: readonly StepRuleOutcome[];
}

// rule set → variant (profile and the options step rules may read) → top-level step → outcomes.
const cache = new WeakMap<object, Map<string, WeakMap<StepNode, CachedSubtree>>>();

const NO_STAMP: readonly unknown[] = [];

function sameStamp(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * The step rules' outcomes for one top-level subtree: from the cache when the same top-level step
 * node sits at the same index, the rule set and variant are unchanged and every value of `stamp`
 * (the pipeline-level inputs the rules read: agents, imports, types) is the identical object, else
 * computed by `check` and stored.
 */
export function subtreeOutcomes(
  ruleSet: object,
  variant: string,
  subtree: SubtreeVisits,
  check: () => readonly StepRuleOutcome[],
  stamp: readonly unknown[] = NO_STAMP,
): readonly StepRuleOutcome[] {
  let variants = cache.get(ruleSet);
  if (!variants) {
    variants = new Map();
    cache.set(ruleSet, variants);
  }
  let bySubtree = variants.get(variant);
  if (!bySubtree) {
    bySubtree = new WeakMap();
    variants.set(variant, bySubtree);
  }
  const cached = bySubtree.get(subtree.step);
  if (cached?.index === subtree.index && sameStamp(cached.stamp, stamp)) return cached.outcomes;
  const outcomes = check();
  bySubtree.set(subtree.step, { index: subtree.index, stamp, outcomes });
  return outcomes;
}
