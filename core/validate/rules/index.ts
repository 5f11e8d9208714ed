import type { RuleDefinition } from '../ruleDefinition';
import { hitlNestingRules } from './hitlNesting';
import { importRules } from './importRules';
import { typeRules } from './typeRules';
import { contextKeyRules } from './contextKeys';
import { contextUpdateRules } from './contextUpdates';
import { templateRules } from './templateRules';
import { agentRules } from './agentRules';
import { parallelRules } from './parallelRules';
import { loopRules } from './loopRules';
import { stateMachineRules } from './stateMachineRules';
import { portabilityRules } from './portabilityRules';
import { unknownKeyRules } from './unknownKeys';

/** Every registered rule, family by family (one file per family under `rules/`). */
export const allRules: readonly RuleDefinition[] = [
  ...hitlNestingRules,
  ...importRules,
  ...typeRules,
  ...contextKeyRules,
  ...contextUpdateRules,
  ...templateRules,
  ...agentRules,
  ...parallelRules,
  ...loopRules,
  ...stateMachineRules,
  ...portabilityRules,
  ...unknownKeyRules,
];
