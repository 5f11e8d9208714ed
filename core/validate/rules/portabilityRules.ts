import type { RuleDefinition } from '../ruleDefinition';
import { portabilityContainerRules } from './portabilityRulesContainers';
import { portabilityStepRules } from './portabilityRulesSteps';
import { portabilityTemplateRules } from './portabilityRulesTemplates';

/**
 * Portability diagnostics (`flujo` profile, DECISIONS 1): everything Flujo would silently do
 * differently from the studio, each saying what Flujo does and what to write instead.
 */
export const portabilityRules: readonly RuleDefinition[] = [
  ...portabilityStepRules,
  ...portabilityContainerRules,
  ...portabilityTemplateRules,
];
