/**
 * Portability (`flujo` profile): templates and expressions Flujo renders differently from the
 * studio (FLUJO-SPEC §0.6–0.7, §4, §5): skipped templates, `this` in map bodies, `{{ steps.x }}`
 * as Python repr, `steps.` of steps Flujo does not record, mapping inputs it never renders, and
 * `steps.x.output` in expressions.
 */
import type { Reference } from '../../expr';
import type { StepVisit, YamlValue } from '../../model';
import { isYamlList, isYamlMapping } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { FLUJO_PROFILE } from '../ruleDefinition';
import { isInsideSlot } from './templateRulesScope';
import type { StepText } from './templateRulesSources';
import { rangeWithin, stepTexts } from './templateRulesSources';
import { unknownFilterName } from './templateRulesSyntax';
import { stepRoleOf } from './stepRoles';

const MAP_BODY = new Set(['map.body']);
const RECORDED_KINDS = new Set(['step', 'hitl', 'cache']);
const OUTPUT_ALIASES = new Set(['output', 'result', 'value']);

function label(visit: StepVisit, text: StepText): string {
  return `Step "${visit.step.name}", \`${text.field}\``;
}

function at(text: StepText, reference: { start: number; end: number }) {
  return rangeWithin(text.range, text.text, reference.start, reference.end);
}

function checkSkipped(context: RuleContext, visit: StepVisit): void {
  if (visit.step.kind !== 'step') return;
  const input = stepTexts(visit.step).find((text) => text.role === 'input');
  const filters = (input?.analysis.errors ?? []).flatMap((error) => {
    const name = input && unknownFilterName(input.text, error);
    return name ? [`\`${name}\``] : [];
  });
  if (!input || filters.length === 0) return;
  context.report({
    step: visit,
    range: input.range,
    message: `Step "${visit.step.name}": Flujo fails to render this \`input\` (unknown filter ${filters.join(', ')}), but instead of failing the step it silently skips the template, and the step receives the previous step's output unchanged. Fix the filter.`,
    suggestion: 'Use a known filter.',
  });
}

function checkMapThis(context: RuleContext, visit: StepVisit): void {
  if (!isInsideSlot(visit, MAP_BODY)) return;
  for (const text of stepTexts(visit.step)) {
    for (const warning of text.analysis.warnings) {
      if (warning.code !== 'TEMPLATE-THIS') continue;
      context.report({
        step: visit,
        range: at(text, warning),
        message: `${label(visit, text)} uses \`this\` in a map body: Flujo binds \`this\` only inside \`{{#each}}\` blocks, so it renders empty there. In the first step of the map body write \`previous_step\` (the current item).`,
        suggestion: 'Write `previous_step` instead of `this`.',
      });
    }
  }
}

function hasFilterAfter(text: string, reference: Reference): boolean {
  return text.slice(reference.end).trimStart().startsWith('|');
}

function recordedNames(context: RuleContext): { recorded: Set<string>; unrecorded: Set<string> } {
  const recorded = new Set<string>();
  const unrecorded = new Set<string>();
  for (const { step } of context.steps) {
    (RECORDED_KINDS.has(step.kind) ? recorded : unrecorded).add(step.name);
  }
  return { recorded, unrecorded };
}

function checkStepsReads(context: RuleContext): void {
  const names = recordedNames(context);
  for (const visit of context.steps) {
    for (const text of stepTexts(visit.step)) {
      for (const reference of text.analysis.references) {
        const [name, field] = reference.path;
        if (reference.root !== 'steps' || name === undefined) continue;
        if (names.unrecorded.has(name) && !names.recorded.has(name)) {
          context.report({
            step: visit,
            range: at(text, reference),
            message: `${label(visit, text)} reads \`steps.${name}\`, but "${name}" is a container step and Flujo records only plain agent steps and human answers in \`steps\`, so it is empty there. Read the step inside "${name}" that produces the value (\`steps.<inner step>\`), or read \`previous_step\` right after "${name}".`,
            suggestion: 'Read an inner step of the container instead.',
          });
          continue;
        }
        if (
          text.language === 'template' &&
          field === undefined &&
          !hasFilterAfter(text.text, reference)
        ) {
          context.report({
            step: visit,
            range: at(text, reference),
            message: `${label(visit, text)} renders \`{{ steps.${name} }}\`: Flujo prints the step result with Python's str(), so a mapping comes out as \`{'key': 'value'}\` (not JSON) and booleans as \`True\`. Write \`{{ steps.${name}.output | tojson }}\` for JSON, or \`{{ steps.${name}.output }}\` for text.`,
            suggestion: `Write \`{{ steps.${name}.output | tojson }}\`.`,
          });
        }
        if (text.language === 'expression' && field !== undefined && OUTPUT_ALIASES.has(field)) {
          context.report({
            step: visit,
            range: at(text, reference),
            message: `${label(visit, text)} reads \`steps.${name}.${field}\`: in Flujo expressions \`steps\` holds the raw outputs, so \`.${field}\` reads a field of the output (usually None). Write \`steps['${name}']\` for the output itself.`,
            suggestion: `Write \`steps['${name}']\`.`,
          });
        }
      }
    }
  }
}

function templatedStrings(value: YamlValue | undefined, prefix: string): string[] {
  if (typeof value === 'string') return value.includes('{{') ? [prefix] : [];
  if (isYamlList(value))
    return value.flatMap((item, i) => templatedStrings(item, `${prefix}.${i}`));
  if (isYamlMapping(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      templatedStrings(item, `${prefix}.${key}`),
    );
  }
  return [];
}

function checkUnrenderedInput(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'step' || typeof step.input === 'string' || step.input === undefined) return;
  const fields = templatedStrings(step.input, 'input');
  if (fields.length === 0) return;
  const role = stepRoleOf(step);
  const hint =
    role.role === 'builtin' && (role.name === 'context_set' || role.name === 'context_merge')
      ? ' To store the previous output, drop `value` and write `agent: { id: ' +
        role.id +
        ', params: { path: … } }` (the step input becomes the value).'
      : ' Render the value in an earlier step, or make `input:` a single template string.';
  context.report({
    step: visit,
    range: context.fieldRange(step, fields[0] ?? 'input'),
    message: `Step "${step.name}": Flujo renders \`input:\` only when it is one string, so the \`{{ … }}\` in ${fields.map((f) => `\`${f}\``).join(', ')} reach the step as literal text.${hint}`,
    suggestion: 'Do not put templates inside a mapping or list `input:` for Flujo.',
  });
}

/** Portability rules about templates and expressions. */
export const portabilityTemplateRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'PORT-TEMPLATE-SKIPPED',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'An input template with an unknown filter, which Flujo silently skips.',
    checkStep: (visit, context) => {
      checkSkipped(context, visit);
    },
  }),
  stepRule({
    id: 'PORT-MAP-THIS',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: '`this` in a map body, which Flujo leaves unbound.',
    checkStep: (visit, context) => {
      checkMapThis(context, visit);
    },
  }),
  {
    id: 'PORT-STEPS-READ',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description:
      '`steps.` reads Flujo renders differently: Python repr, unrecorded containers, `.output` in expressions.',
    check: checkStepsReads,
  },
  stepRule({
    id: 'PORT-INPUT-TEMPLATES',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'Templates inside a mapping or list `input:`, which Flujo passes on unrendered.',
    checkStep: (visit, context) => {
      checkUnrenderedInput(context, visit);
    },
  }),
];
