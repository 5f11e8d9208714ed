export type * from './validationTypes';
export type { Finding, RuleContext } from './ruleContext';
export type { RuleDefinition } from './ruleDefinition';
export { BOTH_PROFILES, FLUJO_PROFILE } from './ruleDefinition';
export { validatePipeline } from './validatePipeline';
export { allRules } from './rules';
