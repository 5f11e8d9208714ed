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
  readonly outcomes: readonly StepRuleOutcome[];
}

// rule set → variant (profile and the options step rules may read) → top-level step → outcomes.
const cache = new WeakMap<object, Map<string, WeakMap<StepNode, CachedSubtree>>>();

/**
 * The step-local rules' outcomes for one top-level subtree: from the cache when the same
 * top-level step node sits at the same index and the rule set and variant are unchanged, else
 * computed by `check` and stored.
 */
export function subtreeOutcomes(
  ruleSet: object,
  variant: string,
  subtree: SubtreeVisits,
  check: () => readonly StepRuleOutcome[],
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
  if (cached?.index === subtree.index) return cached.outcomes;
  const outcomes = check();
  bySubtree.set(subtree.step, { index: subtree.index, outcomes });
  return outcomes;
}
