/**
 * Template and expression references that read nothing: `previous_step.output` (V-T1), `this`
 * outside `{{#each}}` (V-T2), `steps.<name>` of a step that has not run (V-T4), a field the
 * previous step's output does not have (V-T5); plus JSON-looking inputs that are not JSON (V-T6)
 * and `steps.` reads inside loop bodies (LOOP-001, Flujo only).
 */
import type { Reference } from '../../expr';
import type { PortType, StepNode, StepVisit } from '../../model';
import { assertNever, describePortType, propertyType } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { memoByStep } from '../stepMemo';
import { stepRule } from '../stepRule';
import { memoBySubtree } from '../subtreeMemo';
import { BOTH_PROFILES, FLUJO_PROFILE } from '../ruleDefinition';
import { spliceText, textFix } from './templateRulesFixes';
import {
  closestStepName,
  isInsideSlot,
  previousOutputType,
  stepVisibility,
} from './templateRulesScope';
import type { StepText } from './templateRulesSources';
import { rangeWithin, stepTexts } from './templateRulesSources';
import { closestName } from './unknownKeysSimilarity';

const MAP_BODY = new Set(['map.body']);
const ITERATION_BODIES = new Set(['loop.body', 'map.body']);

function label(visit: StepVisit, text: StepText): string {
  return `Step "${visit.step.name}", \`${text.field}\``;
}

type ReadRoot = 'previous_step' | 'steps';

interface TextReference {
  readonly text: StepText;
  readonly reference: Reference;
}

/** A step's `previous_step` and `steps` references in text order, cached by step node. */
const NO_ROOTED_REFERENCES: Readonly<Record<ReadRoot, readonly TextReference[]>> = {
  previous_step: [],
  steps: [],
};

const rootedReferences = memoByStep((step: StepNode) => {
  const texts = stepTexts(step);
  if (texts.length === 0) return NO_ROOTED_REFERENCES;
  const byRoot: Record<ReadRoot, TextReference[]> = { previous_step: [], steps: [] };
  for (const text of texts) {
    for (const reference of text.analysis.references) {
      if (reference.root === 'previous_step' || reference.root === 'steps') {
        byRoot[reference.root].push({ text, reference });
      }
    }
  }
  return byRoot.previous_step.length + byRoot.steps.length === 0 ? NO_ROOTED_REFERENCES : byRoot;
});

interface VisitReference extends TextReference {
  readonly visit: StepVisit;
}

const NO_VISIT_REFERENCES: readonly VisitReference[] = [];

/** The `steps.` references of a top-level subtree's visits, in visit and text order. */
const subtreeStepsReferences = memoBySubtree((subtree): readonly VisitReference[] => {
  const found: VisitReference[] = [];
  for (const visit of subtree.visits) {
    for (const { text, reference } of rootedReferences(visit.step).steps) {
      found.push({ visit, text, reference });
    }
  }
  return found.length === 0 ? NO_VISIT_REFERENCES : found;
});

function referenceRange(text: StepText, reference: Reference) {
  return rangeWithin(text.range, text.text, reference.start, reference.end);
}

/** Whether a value of `type` certainly has no field `name` (untyped and open objects may). */
function lacksField(type: PortType, name: string): boolean {
  switch (type.kind) {
    case 'any':
      return false;
    case 'object':
      return (
        Object.keys(type.properties).length > 0 &&
        propertyType(type, name) === undefined &&
        type.additionalProperties !== true &&
        typeof type.additionalProperties !== 'object'
      );
    case 'anyOf':
      return type.members.every((member) => lacksField(member, name));
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
    case 'array':
    case 'enum':
      return true;
    default:
      return assertNever(type);
  }
}

function previousType(visit: StepVisit, text: StepText, context: RuleContext) {
  return text.role === 'other' ? undefined : previousOutputType(visit, context);
}

function outputFixText(text: StepText, reference: Reference): string | undefined {
  const written = text.text.slice(reference.start, reference.end);
  const prefix = 'previous_step.output';
  if (!written.startsWith(prefix)) return undefined;
  if (reference.path.length > 1) return `previous_step${written.slice(prefix.length)}`;
  const rest = text.text.slice(reference.end).trimStart();
  return text.language === 'template' && rest.startsWith('}}')
    ? 'previous_step | tojson'
    : 'previous_step';
}

function checkPreviousOutput(
  context: RuleContext,
  visit: StepVisit,
  text: StepText,
  reference: Reference,
): void {
  if (reference.root !== 'previous_step' || reference.path[0] !== 'output') return;
  const type = previousType(visit, text, context);
  if (type && !lacksField(type, 'output') && type.kind !== 'any') return;
  const replacement = outputFixText(text, reference);
  const fix =
    replacement === undefined
      ? undefined
      : textFix(visit, text, `Write \`${replacement}\``, (value) =>
          spliceText(value, reference.start, reference.end, replacement),
        );
  context.report({
    step: visit,
    range: referenceRange(text, reference),
    message: `${label(visit, text)} reads \`previous_step.output\`, but \`previous_step\` already is the previous step's output and has no \`output\` field, so this reads nothing. Write \`${replacement ?? 'previous_step'}\` instead.`,
    suggestion: `Write \`${replacement ?? 'previous_step'}\`.`,
    ...(fix ? { fixes: [fix] } : {}),
  });
}

function checkFieldExists(
  context: RuleContext,
  visit: StepVisit,
  text: StepText,
  reference: Reference,
): void {
  const [field] = reference.path;
  if (reference.root !== 'previous_step' || field === undefined || field === 'output') return;
  const type = previousType(visit, text, context);
  if (!type || !lacksField(type, field)) return;
  const fields = type.kind === 'object' ? Object.keys(type.properties) : [];
  const meant = closestName(field, fields);
  const hint = meant ? ` Did you mean \`previous_step.${meant}\`?` : '';
  context.report({
    step: visit,
    range: referenceRange(text, reference),
    message: `${label(visit, text)} reads \`previous_step.${field}\`, but the previous step outputs ${describePortType(type)}, which has no \`${field}\` field, so this reads nothing.${hint}`,
    suggestion: meant
      ? `Write \`previous_step.${meant}\`.`
      : 'Read a field the previous step outputs, or `previous_step` itself.',
  });
}

function readsOwnChildrenFirst(text: StepText): boolean {
  return /^(loop\.|map\.|transitions)/.test(text.field);
}

function checkStepReference(
  context: RuleContext,
  visit: StepVisit,
  text: StepText,
  reference: Reference,
): void {
  const [name] = reference.path;
  if (reference.root !== 'steps' || name === undefined) return;
  const visibility = stepVisibility(visit, name, context, readsOwnChildrenFirst(text));
  if (visibility === 'visible' || visibility === 'maybe-imported') return;
  let problem: string;
  let suggestion: string;
  if (name === visit.step.name) {
    problem = `its own output \`steps.${name}\`, which does not exist while the step runs`;
    suggestion = 'Use `previous_step` for the value this step receives.';
  } else if (visibility === 'not-yet') {
    problem = `\`steps.${name}\`, but step "${name}" has not run when "${visit.step.name}" runs (it comes later, or sits in another branch)`;
    suggestion = `Move "${name}" before "${visit.step.name}", or read an earlier step.`;
  } else {
    const meant = closestStepName(context, name);
    problem = `\`steps.${name}\`, but no step is named "${name}"${meant ? ` (did you mean "${meant}"?)` : ''}`;
    suggestion = meant ? `Write \`steps.${meant}\`.` : 'Reference the name of an earlier step.';
  }
  context.report({
    step: visit,
    range: referenceRange(text, reference),
    message: `${label(visit, text)} reads ${problem}, so it reads nothing.`,
    suggestion,
  });
}

function checkThis(context: RuleContext, visit: StepVisit): void {
  if (isInsideSlot(visit, MAP_BODY)) return;
  for (const text of stepTexts(visit.step)) {
    for (const warning of text.analysis.warnings) {
      if (warning.code !== 'TEMPLATE-THIS') continue;
      context.report({
        step: visit,
        range: rangeWithin(text.range, text.text, warning.start, warning.end),
        message: `${label(visit, text)}: ${warning.message}`,
        suggestion: 'Use `previous_step` for the value this step receives.',
      });
    }
  }
}

const PLACEHOLDER = /\{\{[\s\S]*?\}\}/g;
const BLOCK_TAG = /\{\{\s*[#/][^}]*\}\}/g;

function jsonProblem(text: string): string | undefined {
  const skeleton = text.replace(BLOCK_TAG, '').replace(PLACEHOLDER, 'null').trim();
  if (!/^[[{]/.test(skeleton)) return undefined;
  try {
    JSON.parse(skeleton);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : 'it does not parse';
  }
}

/** A step's templated inputs that look like JSON but do not parse, cached by step node. */
const NO_JSON_PROBLEMS: readonly { readonly text: StepText; readonly problem: string }[] = [];

const jsonInputProblems = memoByStep((step: StepNode) => {
  const found: { readonly text: StepText; readonly problem: string }[] = [];
  for (const text of stepTexts(step)) {
    if (text.role !== 'input' || !text.text.includes('{{')) continue;
    const problem = jsonProblem(text.text);
    if (problem !== undefined) found.push({ text, problem });
  }
  return found.length === 0 ? NO_JSON_PROBLEMS : found;
});

function checkJsonInput(context: RuleContext, visit: StepVisit): void {
  const problems = jsonInputProblems(visit.step);
  if (problems.length === 0) return;
  const accepts = context.types.get(visit.path)?.accepts;
  if (!accepts || (accepts.kind !== 'object' && accepts.kind !== 'array')) return;
  for (const { text, problem } of problems) {
    context.report({
      step: visit,
      range: text.range,
      message: `Step "${visit.step.name}" accepts ${describePortType(accepts)}, and its \`input\` looks like JSON but is not valid JSON once rendered (${problem}), so it can only arrive as a plain string. Quote keys and string values, e.g. \`{"text": "{{ previous_step }}"}\`, and render objects with \`| tojson\`.`,
      suggestion: 'Make the rendered `input` valid JSON.',
    });
  }
}

function checkLoopStepsReads(context: RuleContext, visit: StepVisit): void {
  if (!isInsideSlot(visit, ITERATION_BODIES)) return;
  for (const text of stepTexts(visit.step)) {
    const relevant =
      (text.role === 'input' && text.text.includes('{{')) ||
      text.field === 'condition_expression' ||
      text.field === 'loop.exit_expression';
    if (!relevant) continue;
    const reference = text.analysis.references.find((r) => r.root === 'steps');
    if (!reference) continue;
    context.report({
      step: visit,
      range: referenceRange(text, reference),
      message: `${label(visit, text)} reads \`steps.\` inside a loop or map body; Flujo evaluates it on the iteration's copy of the context, where it can hold a value from an earlier iteration or from before the loop. Read the value this step receives with \`previous_step\`, or keep it in the context.`,
      suggestion: 'Use `previous_step` or a context key inside loop bodies.',
    });
  }
}

/** Template reference rules. */
export const templateReferenceRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'V-T1',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description:
      '`previous_step.output` in a template or expression (previous_step has no `output`).',
    reads: ['types'],
    checkStep: (visit, context) => {
      for (const { text, reference } of rootedReferences(visit.step).previous_step) {
        checkPreviousOutput(context, visit, text, reference);
      }
    },
  }),
  stepRule({
    id: 'V-T2',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: '`this` used outside `{{#each}}` (and outside map bodies), where it is empty.',
    checkStep: (visit, context) => {
      checkThis(context, visit);
    },
  }),
  {
    id: 'V-T4',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: '`steps.<name>` naming a step that does not exist or has not run yet.',
    check: (context) => {
      for (const subtree of context.subtrees) {
        for (const { visit, text, reference } of subtreeStepsReferences(subtree)) {
          checkStepReference(context, visit, text, reference);
        }
      }
    },
  },
  stepRule({
    id: 'V-T5',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: "`previous_step.<field>` that the previous step's typed output does not have.",
    reads: ['types'],
    checkStep: (visit, context) => {
      for (const { text, reference } of rootedReferences(visit.step).previous_step) {
        checkFieldExists(context, visit, text, reference);
      }
    },
  }),
  stepRule({
    id: 'V-T6',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'A templated input for a step that accepts an object looks like JSON but is not.',
    reads: ['types'],
    checkStep: (visit, context) => {
      checkJsonInput(context, visit);
    },
  }),
  stepRule({
    id: 'LOOP-001',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'A step inside a loop or map body reads `steps.` (Flujo reads a stale copy).',
    checkStep: (visit, context) => {
      checkLoopStepsReads(context, visit);
    },
  }),
];
