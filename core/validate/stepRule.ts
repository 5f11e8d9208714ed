import type { StepVisit } from '../model';
import type { RuleContext } from './ruleContext';
import type { RuleDefinition } from './ruleDefinition';

/**
 * A rule that checks one step at a time and whose findings about a step depend only on that
 * step's visit (the step node with its children, its path and ancestors), the profile and
 * `options.initialContextKeys` — never on other steps, `types`, `imports` or `pipeline.agents`.
 * The engine caches its findings per top-level subtree, so a revalidation after an edit re-checks
 * only the top-level step that changed. Its `check` runs `checkStep` on every step, so it also
 * works wherever a plain rule does.
 */
export interface StepRuleDefinition extends RuleDefinition {
  readonly checkStep: (visit: StepVisit, context: RuleContext) => void;
}

/** Builds a step-local rule (see `StepRuleDefinition`) from its `checkStep`. */
export function stepRule(definition: Omit<StepRuleDefinition, 'check'>): StepRuleDefinition {
  return {
    ...definition,
    check(context) {
      for (const visit of context.steps) definition.checkStep(visit, context);
    },
  };
}

/** Whether a registered rule is step-local (built with `stepRule`). */
export function isStepRule(rule: RuleDefinition): rule is StepRuleDefinition {
  return 'checkStep' in rule && typeof rule.checkStep === 'function';
}
