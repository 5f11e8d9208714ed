import type { RuleDefinition } from '../ruleDefinition';
import { hitlNestingRules } from './hitlNesting';

/** Every registered rule, family by family (one file per family under `rules/`). */
export const allRules: readonly RuleDefinition[] = [...hitlNestingRules];
