import type { SourceRange, StepNode, StepVisit, YamlValue } from '../../model';
import { describePortType, isYamlList, isYamlMapping } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { importAliasOf, importSites } from './importSteps';

/** Context roots Flujo knows an import may write to (FLUJO-SPEC §9.2, V-I2). */
const KNOWN_ROOTS = new Set([
  'import_artifacts',
  'step_outputs',
  'steps',
  'command_log',
  'hitl_history',
  'conversation_history',
  'yaml_text',
  'generated_yaml',
  'run_id',
]);
const HISTORY_ROOTS = new Set(['conversation_history', 'hitl_history']);

/** One `config.outputs` mapping with the YAML key path of its `parent` value (for positions). */
interface OutputEntry {
  readonly child: string;
  readonly parent: string;
  readonly field: string;
}

function listEntry(entry: YamlValue, index: number): OutputEntry | undefined {
  const field = `config.outputs.${String(index)}`;
  if (isYamlList(entry)) {
    const [child, parent] = entry;
    return typeof child === 'string' && typeof parent === 'string'
      ? { child, parent, field: `${field}.1` }
      : undefined;
  }
  if (!isYamlMapping(entry)) return undefined;
  const parentKey = entry.parent !== undefined ? 'parent' : 'to';
  const child = entry.child ?? entry.from;
  const parent = entry[parentKey];
  return typeof child === 'string' && typeof parent === 'string'
    ? { child, parent, field: `${field}.${parentKey}` }
    : undefined;
}

/** The well-formed `config.outputs` mappings of an import step, in file order. */
function outputEntries(step: StepNode): readonly OutputEntry[] {
  const outputs = step.config?.outputs;
  if (isYamlList(outputs)) {
    return outputs.flatMap((entry, index) => listEntry(entry, index) ?? []);
  }
  if (!isYamlMapping(outputs)) return [];
  return Object.entries(outputs).flatMap(([child, parent]) =>
    typeof parent === 'string' ? [{ child, parent, field: `config.outputs.${child}` }] : [],
  );
}

function rootOf(path: string): string {
  return path.trim().split(/[.[]/)[0] ?? '';
}

function rangeOf(context: RuleContext, step: StepNode, field: string): SourceRange | undefined {
  return context.fieldRange(step, field);
}

function checkParentRoots(visit: StepVisit, context: RuleContext): void {
  if (importAliasOf(visit) === undefined) return;
  const declared = context.options.initialContextKeys ?? [];
  for (const entry of outputEntries(visit.step)) {
    const root = rootOf(entry.parent);
    const range = rangeOf(context, visit.step, entry.field);
    if (root === 'scratchpad') {
      context.report({
        step: visit,
        range,
        message: `Import step "${visit.step.name}" maps child "${entry.child}" to parent "${entry.parent}", under scratchpad, which Flujo does not let steps write. Map it under import_artifacts instead (parent: import_artifacts.${entry.child}).`,
        suggestion: `Use parent: import_artifacts.${entry.child}.`,
      });
    } else if (!KNOWN_ROOTS.has(root) && !declared.includes(root)) {
      context.report({
        step: visit,
        range,
        severity: 'warning',
        message: `Import step "${visit.step.name}" maps child "${entry.child}" to parent "${entry.parent}", but "${root}" is not a context field: Flujo writes every import output under import_artifacts, so it lands at import_artifacts.${entry.parent}. Write parent: import_artifacts.${entry.parent}, or declare "${root}" in the run's initial context.`,
        suggestion: `Use parent: import_artifacts.${entry.parent}.`,
      });
    }
  }
}

function checkPromptMapping(visit: StepVisit, context: RuleContext): void {
  if (importAliasOf(visit) === undefined) return;
  const step = visit.step;
  const inputTo = step.config?.input_to ?? 'initial_prompt';
  if (!isYamlMapping(step.input) || !('initial_prompt' in step.input)) return;
  if (inputTo === 'import_artifacts') return;
  context.report({
    step: visit,
    range: context.fieldRange(step, 'input'),
    message: `Import step "${step.name}" passes a mapping with an initial_prompt key as input; with input_to: ${inputTo} the whole mapping is JSON-encoded into the child's initial_prompt instead. Pass the prompt text itself as input, or set config.input_to: import_artifacts.`,
  });
}

function checkChildInput(context: RuleContext): void {
  for (const child of context.imports.values()) {
    if (child.status !== 'loaded') continue;
    const accepts = child.types.get('steps[0]')?.accepts;
    if (accepts?.kind !== 'object' && accepts?.kind !== 'string') continue;
    for (const { step: visit } of importSites(context, child.alias)) {
      if (!visit) continue;
      const step = visit.step;
      const inputTo = step.config?.input_to ?? 'initial_prompt';
      const range = context.fieldRange(step, step.config?.input_to ? 'config.input_to' : 'uses');
      if (inputTo === 'initial_prompt' && accepts.kind === 'object') {
        context.report({
          step: visit,
          range,
          message: `Import step "${step.name}" hands its input to "${child.alias}" as initial_prompt, a string, but the child's first step expects ${describePortType(accepts)}. Set config.input_to: import_artifacts (or both) so the child receives the object.`,
          suggestion: 'Set config.input_to: import_artifacts.',
        });
      } else if (inputTo === 'import_artifacts' && accepts.kind === 'string') {
        context.report({
          step: visit,
          range,
          message: `Import step "${step.name}" hands its input to "${child.alias}" through import_artifacts, but the child's first step expects a string prompt. Set config.input_to: initial_prompt (or both).`,
          suggestion: 'Set config.input_to: initial_prompt.',
        });
      }
    }
  }
}

function checkHistoryMappings(visit: StepVisit, context: RuleContext): void {
  if (importAliasOf(visit) === undefined) return;
  if (visit.step.config?.inherit_conversation !== false) return;
  for (const entry of outputEntries(visit.step)) {
    const roots = [rootOf(entry.child), rootOf(entry.parent)];
    const touched = roots.find((root) => HISTORY_ROOTS.has(root));
    if (!touched) continue;
    context.report({
      step: visit,
      range: rangeOf(context, visit.step, entry.field),
      message: `Import step "${visit.step.name}" sets inherit_conversation: false but maps ${touched} ("${entry.child}" → "${entry.parent}"): the child starts with an empty ${touched}, so the mapping copies back only the child's part. Set config.inherit_conversation: true or remove that mapping.`,
    });
  }
}

/**
 * Import step routing (FLUJO-SPEC §9.2): V-I2 an `outputs` parent outside the context fields Flujo
 * knows, V-I5 input handed to the child in a form its first step does not expect, V-I6 history
 * mapped back from a child that does not inherit the conversation.
 */
export const importOutputRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'V-I2',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description:
      'Import output mapped to scratchpad (error) or to an unknown context root (warning).',
    checkStep: checkParentRoots,
  }),
  stepRule({
    id: 'V-I5',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: "Import input routing does not match what the child's first step expects.",
    checkStep: checkPromptMapping,
  }),
  {
    id: 'V-I5',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: "Import input routing does not match what the child's first step expects.",
    check: checkChildInput,
  },
  stepRule({
    id: 'V-I6',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'Import maps conversation or HITL history without inheriting the conversation.',
    checkStep: checkHistoryMappings,
  }),
];
