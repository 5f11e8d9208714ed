import type { RuleDefinition } from '../ruleDefinition';
import { templateReferenceRules } from './templateRulesReferences';
import { templateSyntaxRules } from './templateRulesSyntax';

/** Template and expression rules: V-T1..V-T6, TEMPLATE-001, LOOP-001 and syntax errors. */
export const templateRules: readonly RuleDefinition[] = [
  ...templateSyntaxRules,
  ...templateReferenceRules,
];
