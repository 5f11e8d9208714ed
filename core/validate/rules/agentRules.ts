import type { RuleDefinition } from '../ruleDefinition';
import { agentReferenceRules } from './agentRulesReferences';
import { agentSpecRules } from './agentRulesAgents';
import { agentStepRules } from './agentRulesSteps';

/** Agent, schema and step-identity rules: V-A1, V-A3, V-A5..V-A8, V-S1..V-S3, V-EX1, PY-LOCAL. */
export const agentRules: readonly RuleDefinition[] = [
  ...agentReferenceRules,
  ...agentStepRules,
  ...agentSpecRules,
];
