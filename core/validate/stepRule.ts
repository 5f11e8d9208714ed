import type { StepVisit } from '../model';
import type { RuleContext } from './ruleContext';
import type { RuleDefinition } from './ruleDefinition';

/** Pipeline-level inputs a step rule may read besides the step's visit (see `reads`). */
export type StepRuleInput = 'agents' | 'imports' | 'types';

/**
 * A rule that checks one step at a time and whose findings about a step depend only on that
 * step's visit (the step node with its children, its path and ancestors), the profile,
 * `options.initialContextKeys` and the inputs listed in `reads` — never on other steps' nodes,
 * `context.imports`, `context.steps` or anything else of the pipeline. `reads` may name
 * `pipeline.agents` (`agents`), `pipeline.imports` (`imports`) and `context.types` (`types`,
 * any path's entry); such a rule's cached findings are reused only while those stay the identical
 * objects.
 * The engine caches its findings per top-level subtree, so a revalidation after an edit re-checks
 * only the top-level step that changed. Its `check` runs `checkStep` on every step, so it also
 * works wherever a plain rule does.
 */
export interface StepRuleDefinition extends RuleDefinition {
  readonly reads?: readonly StepRuleInput[];
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
