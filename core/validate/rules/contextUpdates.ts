/**
 * Context update rules: CTX-OUTPUT-KEYS and V-C1 (what Flujo reports, `flujo` profile),
 * CTX-SCRATCHPAD, V-C2 and V-C3 (real problems, both profiles).
 */
import type { StepNode, StepTypes, StepVisit } from '../../model';
import {
  hasImportOutputs,
  importOutputMappings,
  isTemplateString,
  isYamlList,
  isYamlMapping,
} from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES, FLUJO_PROFILE } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { memoByStep } from '../stepMemo';
import type { ContextProduct } from './contextKeysAnalysis';
import { stepContextUse } from './contextKeysAnalysis';
import { updatesContextKeys } from './contextKeysProducts';
import { scratchpadParentFields, scratchpadParentFix } from './contextUpdatesImportOutputs';
import {
  inFlujoLinters,
  inFlujoStepValidation,
  previousStep,
  previousStepNode,
} from './typeRulesAdjacency';
import { describeFlujoType, flujoInputType, flujoOutputType } from './typeRulesFlujoTypes';
import { stepRoleOf } from './stepRoles';

/** Flujo's default `FLUJO_VALIDATE_LARGE_LITERAL_THRESHOLD` (FLUJO-SPEC §9.2, V-C3). */
export const LARGE_TEMPLATE_CHARS = 50_000;

function isImport(step: StepNode): boolean {
  return step.kind === 'step' && stepRoleOf(step).role === 'import';
}

function hasEmptyOutputs(step: StepNode): boolean {
  const outputs = step.config?.outputs;
  if (isYamlList(outputs)) return outputs.length === 0;
  return isYamlMapping(outputs) && Object.keys(outputs).length === 0;
}

const outputKeysRule: RuleDefinition = stepRule({
  id: 'CTX-OUTPUT-KEYS',
  profiles: FLUJO_PROFILE,
  severity: 'error',
  description: 'Flujo strict mode: `updates_context: true` without `sink_to`.',
  checkStep(visit, context) {
    const { step } = visit;
    if (step.updates_context !== true || step.sink_to?.trim() || !inFlujoStepValidation(visit)) {
      return;
    }
    if (isImport(step) && !hasEmptyOutputs(step)) return;
    const which = isImport(step) ? 'an import step with `outputs: []`' : `step "${step.name}"`;
    context.report({
      step: visit,
      range: context.fieldRange(step, 'updates_context'),
      message: `Flujo's strict validation rejects ${which}: \`updates_context: true\` needs \`sink_to\` (and \`output_keys\` cannot be declared in YAML), so \`flujo validate\` fails and \`flujo run\` refuses to start. Add \`sink_to: <context key>\` naming where the output goes, or remove \`updates_context\`.`,
      suggestion: `Add \`sink_to\` to "${step.name}".`,
    });
  },
});

const SCRATCHPAD = 'scratchpad';

function underScratchpad(key: string): boolean {
  return key === SCRATCHPAD || key.startsWith(`${SCRATCHPAD}.`);
}

const NO_PRODUCTS: readonly ContextProduct[] = [];

/** The scratchpad keys a step writes through its own fields (cached by node identity). */
const ownScratchpadWrites = memoByStep((step): readonly ContextProduct[] => {
  const use = stepContextUse(step);
  const lists = [use.products, use.initProducts, use.stateProducts];
  if (!lists.some((list) => list.some((product) => underScratchpad(product.key)))) {
    return NO_PRODUCTS;
  }
  return lists.flat().filter((product) => underScratchpad(product.key));
});

const mergedScratchpadKeys = new WeakMap<StepTypes, readonly string[]>();

/** The scratchpad keys merging the output of a step with these types writes (kept per types). */
function scratchpadKeysOf(step: StepNode, types: StepTypes | undefined): readonly string[] {
  if (!types) return [];
  let keys = mergedScratchpadKeys.get(types);
  if (!keys) {
    const merged = updatesContextKeys(step, types);
    keys = [...merged.certain, ...merged.some].filter(underScratchpad);
    mergedScratchpadKeys.set(types, keys);
  }
  return keys;
}

/** Every scratchpad key a step writes, with the field that writes it. */
function scratchpadWrites(context: RuleContext, visit: StepVisit) {
  const own = ownScratchpadWrites(visit.step);
  if (visit.step.updates_context !== true) return own;
  const merged = scratchpadKeysOf(visit.step, context.types.get(visit.path));
  if (merged.length === 0) return own;
  const range = context.fieldRange(visit.step, 'updates_context');
  return [...own, ...merged.map((key) => ({ key, origin: 'updates_context' as const, range }))];
}

const scratchpadRule: RuleDefinition = stepRule({
  id: 'CTX-SCRATCHPAD',
  profiles: BOTH_PROFILES,
  severity: 'error',
  description: 'A step writes a context key under `scratchpad`, which Flujo forbids.',
  reads: ['types'],
  checkStep(visit, context) {
    for (const write of scratchpadWrites(context, visit)) {
      const rest = write.key.slice(SCRATCHPAD.length).replace(/^\./, '');
      context.report({
        step: visit,
        ...(write.range ? { range: write.range } : {}),
        message: `Step "${visit.step.name}" writes context.${write.key} (through ${write.origin}), but the context has no \`scratchpad\`: Flujo forbids it and the write fails. Write to another key, e.g. \`${rest === '' ? 'import_artifacts.value' : rest}\`.`,
        suggestion: `Write to a key outside \`scratchpad\`.`,
      });
    }
  },
});

const mergeTypeRule: RuleDefinition = {
  id: 'V-C1',
  profiles: FLUJO_PROFILE,
  severity: 'error',
  description: 'Flujo: a step updates the context but its static output type is not a dict.',
  check(context) {
    for (const visit of context.steps) {
      const before = previousStepNode(context, visit);
      if (before?.updates_context !== true || !inFlujoLinters(visit)) continue;
      const output = flujoOutputType(before, context.pipeline);
      if (output.kind === 'dict' || output.kind === 'unknown') continue;
      const previous = previousStep(context, visit);
      if (!previous) continue;
      const mapsOutputs =
        isImport(previous.step) && importOutputMappings(previous.step.config).length > 0;
      const generic = flujoInputType(visit.step).kind === 'generic';
      context.report({
        step: previous,
        range: context.fieldRange(previous.step, 'updates_context'),
        severity: generic && !mapsOutputs ? 'error' : 'warning',
        message: `Flujo's linter flags "${previous.step.name}" (before "${visit.step.name}"): it has \`updates_context: true\` but its static output type is ${describeFlujoType(output)}, not a dict, so Flujo assumes nothing is merged into the context. Store the output with \`sink_to: <key>\` instead, or suppress V-C1 on this step if it really outputs an object.`,
        suggestion: `Use \`sink_to\` on "${previous.step.name}" instead of merging its output.`,
      });
    }
  },
};

const scratchpadParentRule: RuleDefinition = stepRule({
  id: 'V-C2',
  profiles: BOTH_PROFILES,
  severity: 'error',
  description: 'An import maps an output to the parent path `scratchpad`.',
  checkStep(visit, context) {
    const { step } = visit;
    if (step.kind !== 'step' || !hasImportOutputs(step.config) || !isImport(step)) return;
    for (const field of scratchpadParentFields(step.config?.outputs)) {
      context.report({
        step: visit,
        range: context.fieldRange(step, field),
        message: `Import step "${step.name}" maps a child output to \`scratchpad\`, which Flujo's context forbids, so the value is lost. Map it to \`import_artifacts.value\` (or another key under \`import_artifacts\`).`,
        suggestion: 'Change the parent to `import_artifacts.value`.',
        fixes: [scratchpadParentFix(visit.path, step.name)],
      });
    }
  },
});

const largeTemplateRule: RuleDefinition = stepRule({
  id: 'V-C3',
  profiles: BOTH_PROFILES,
  severity: 'warning',
  description: `A templated input of ${LARGE_TEMPLATE_CHARS.toLocaleString('en')} characters or more.`,
  checkStep(visit, context) {
    const input = visit.step.input;
    if (!isTemplateString(input) || input.length < LARGE_TEMPLATE_CHARS) return;
    context.report({
      step: visit,
      range: context.fieldRange(visit.step, 'input'),
      message: `Step "${visit.step.name}" has a templated \`input:\` of ${input.length.toLocaleString('en')} characters (${LARGE_TEMPLATE_CHARS.toLocaleString('en')} or more): it is re-rendered on every attempt and may not fit the model's context. Keep the large text in the context or a prompt file and reference it instead.`,
      suggestion: 'Move the large literal text out of the template.',
    });
  },
});

/** Context update rules: CTX-OUTPUT-KEYS, CTX-SCRATCHPAD, V-C1, V-C2, V-C3. */
export const contextUpdateRules: readonly RuleDefinition[] = [
  outputKeysRule,
  scratchpadRule,
  mergeTypeRule,
  scratchpadParentRule,
  largeTemplateRule,
];
