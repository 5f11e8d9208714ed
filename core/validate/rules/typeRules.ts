import type { StepNode, StepTypes, StepVisit } from '../../model';
import { describePortType, isAssignable, isBackgroundStep, isTemplateString } from '../../model';
import type { Finding, RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES } from '../ruleDefinition';
import { previousStep } from './typeRulesAdjacency';
import { strictTypeRules } from './typeRulesStrict';
import { stepRoleOf } from './stepRoles';

/** Whether the step replaces what it receives with its own `input:` (plain, non-import steps). */
function hasOwnInput(step: StepNode): boolean {
  return step.kind === 'step' && step.input !== undefined && stepRoleOf(step).role !== 'import';
}

function mismatchFinding(
  context: RuleContext,
  visit: StepVisit,
  previous: StepVisit,
  types: StepTypes,
): Finding {
  const { step } = visit;
  const accepts = describePortType(types.accepts);
  const received = describePortType(types.input);
  const declared = step.input_schema ? 'its input_schema' : 'what it accepts';
  if (hasOwnInput(step)) {
    const what = isTemplateString(step.input)
      ? 'its templated `input:` always renders to a string'
      : `its literal \`input:\` is ${received}`;
    return {
      step: visit,
      range: context.fieldRange(step, 'input'),
      message: `Step "${step.name}" accepts ${accepts}, but ${what}. Change the \`input:\` so it gives ${accepts}, or change ${declared}.`,
      suggestion: `Make the \`input:\` of "${step.name}" produce ${accepts}.`,
    };
  }
  const background = isBackgroundStep(previous.step)
    ? ' (it runs in the background, so it passes its own input through)'
    : '';
  return {
    step: visit,
    message: `Step "${step.name}" accepts ${accepts}, but the previous step "${previous.step.name}"${background} outputs ${received}. Make "${previous.step.name}" output ${accepts} (e.g. its output_schema), add a step that converts it, or change ${declared}.`,
    suggestion: `Convert ${received} to ${accepts} between "${previous.step.name}" and "${step.name}".`,
  };
}

const fitsByTypes = new WeakMap<StepTypes, boolean>();

/** Whether what a step receives fits what it accepts, kept per (reused) types object. */
function fits(types: StepTypes): boolean {
  let result = fitsByTypes.get(types);
  if (result === undefined) {
    result = isAssignable(types.input, types.accepts);
    fitsByTypes.set(types, result);
  }
  return result;
}

/**
 * V-A2 (DECISIONS 2, 4): the previous step hands over a concrete type the step cannot take. The
 * received type already accounts for a templated `input:` (a string) and background steps
 * (pass-through); untyped is `any`, so only two concrete, incompatible types are reported.
 */
const typeMismatchRule: RuleDefinition = {
  id: 'V-A2',
  profiles: BOTH_PROFILES,
  severity: 'error',
  description: 'Adjacent steps whose concrete types are incompatible.',
  check(context) {
    for (const [path, types] of context.types) {
      if (fits(types)) continue;
      const visit = context.stepAt(path);
      const previous = visit && previousStep(context, visit);
      if (visit && previous) context.report(mismatchFinding(context, visit, previous, types));
    }
  },
};

/** Type rules: V-A2 in both profiles, and Flujo's strict-mode type checks in `flujo`. */
export const typeRules: readonly RuleDefinition[] = [typeMismatchRule, ...strictTypeRules];
