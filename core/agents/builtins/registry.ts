import { aggregateSkill } from './aggregate';
import type { BuiltinSkill } from './builtinSkill';
import { checkUserConfirmationSkill } from './checkUserConfirmation';
import { contextGetSkill, contextMergeSkill, contextSetSkill } from './contextSkills';
import { estimatePlanCostSkill } from './estimatePlanCost';
import { extractDecomposedStepsSkill } from './extractDecomposedSteps';
import { flattenSkill } from './flatten';
import { passthroughSkill } from './passthrough';
import { aggregatePlanSkill, buildToolMatchInputSkill } from './planAggregation';
import { renderJinjaTemplateSkill } from './renderJinjaTemplate';
import { selectFieldsSkill } from './selectFields';
import { stringifySkill } from './stringify';
import { toCsvSkill } from './toCsv';
import {
  captureValidationReportSkill,
  extractValidationErrorsSkill,
  validationReportToFlagSkill,
} from './validationReport';
import {
  alwaysValidKeySkill,
  computeValidityKeySkill,
  getYamlValiditySkill,
  hasYamlKeySkill,
} from './validityKeys';
import { visualizePlanSkill } from './visualizePlan';
import { welcomeAgentSkill } from './welcomeAgent';
import {
  selectByYamlShapeSkill,
  selectValidityBranchSkill,
  shapeToValidityFlagSkill,
} from './yamlShape';
import { extractYamlTextSkill, returnYamlForCliSkill } from './yamlText';

export { HUMAN_INPUT_BUILTIN, UNAVAILABLE_BUILTINS } from './unavailableBuiltins';

const SKILLS: readonly BuiltinSkill[] = [
  passthroughSkill,
  stringifySkill,
  toCsvSkill,
  aggregateSkill,
  selectFieldsSkill,
  flattenSkill,
  welcomeAgentSkill,
  checkUserConfirmationSkill,
  extractYamlTextSkill,
  returnYamlForCliSkill,
  extractDecomposedStepsSkill,
  captureValidationReportSkill,
  validationReportToFlagSkill,
  extractValidationErrorsSkill,
  computeValidityKeySkill,
  alwaysValidKeySkill,
  hasYamlKeySkill,
  getYamlValiditySkill,
  selectValidityBranchSkill,
  selectByYamlShapeSkill,
  shapeToValidityFlagSkill,
  visualizePlanSkill,
  estimatePlanCostSkill,
  aggregatePlanSkill,
  buildToolMatchInputSkill,
  renderJinjaTemplateSkill,
  contextSetSkill,
  contextMergeSkill,
  contextGetSkill,
];

/** Every deterministic built-in the studio runs, by full id (`flujo.builtins.<name>`). */
export const BUILTIN_SKILLS: ReadonlyMap<string, BuiltinSkill> = new Map(
  SKILLS.map((skill) => [skill.id, skill]),
);

/** The built-in with full id `id` (e.g. `flujo.builtins.to_csv`), undefined when not runnable here. */
export function findBuiltinSkill(id: string): BuiltinSkill | undefined {
  return BUILTIN_SKILLS.get(id);
}
