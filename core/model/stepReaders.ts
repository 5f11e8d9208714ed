/** Readers that normalise step fields kept in their YAML form into one shape. */
import type { YamlValue } from './jsonValue';
import type { StepConfig } from './stepConfig';
import type { MergeStrategy, ParallelStep, StateMachineStep, StepBase } from './stepNode';
import { isYamlList, isYamlMapping } from './yamlValueGuards';

/** One import output mapping: copy `child` (child context path) to `parent` (under import_artifacts). */
export interface ImportOutputMapping {
  readonly child: string;
  readonly parent: string;
}

function mappingPair(entry: YamlValue): ImportOutputMapping | undefined {
  if (isYamlList(entry)) {
    const [child, parent] = entry;
    return typeof child === 'string' && typeof parent === 'string' && entry.length === 2
      ? { child, parent }
      : undefined;
  }
  if (!isYamlMapping(entry)) return undefined;
  const child = entry.child ?? entry.from;
  const parent = entry.parent ?? entry.to;
  return typeof child === 'string' && typeof parent === 'string' ? { child, parent } : undefined;
}

/**
 * `config.outputs` of an import step as `{ child, parent }` pairs, from any of its YAML forms: a
 * list of `{child, parent}`, `{from, to}` or `[child, parent]`, or a map child → parent. Malformed
 * entries are skipped (the validator reports them); absent gives `[]`.
 */
export function importOutputMappings(
  config: StepConfig | undefined,
): readonly ImportOutputMapping[] {
  const outputs = config?.outputs;
  if (isYamlList(outputs)) {
    return outputs.flatMap((entry) => {
      const pair = mappingPair(entry);
      return pair ? [pair] : [];
    });
  }
  if (!isYamlMapping(outputs)) return [];
  return Object.entries(outputs).flatMap(([child, parent]) =>
    typeof parent === 'string' ? [{ child, parent }] : [],
  );
}

/** Whether `config.outputs` is written at all (absent and `[]` mean different things, FLUJO-SPEC §8.9). */
export function hasImportOutputs(config: StepConfig | undefined): boolean {
  return config?.outputs !== undefined && config.outputs !== null;
}

const MERGE_STRATEGIES: readonly MergeStrategy[] = [
  'context_update',
  'overwrite',
  'no_merge',
  'error_on_conflict',
  'keep_first',
];

/**
 * A parallel step's merge strategy, compared case-insensitively as Flujo does; `context_update`
 * when absent, undefined when the value is not a known strategy.
 */
export function mergeStrategyOf(
  step: Pick<ParallelStep, 'merge_strategy'>,
): MergeStrategy | undefined {
  if (step.merge_strategy === undefined) return 'context_update';
  const wanted = step.merge_strategy.trim().toLowerCase();
  return MERGE_STRATEGIES.find((strategy) => strategy === wanted);
}

/** A StateMachine's `end_states` as a list (a scalar is one end state; absent is none). */
export function endStatesOf(step: Pick<StateMachineStep, 'end_states'>): readonly string[] {
  const endStates = step.end_states;
  if (endStates === undefined) return [];
  return typeof endStates === 'string' ? [endStates] : endStates;
}

/** Whether a value is a template string (contains `{{`), which renders to a string. */
export function isTemplateString(value: YamlValue | undefined): value is string {
  return typeof value === 'string' && value.includes('{{');
}

/** Whether the step runs in the background (`config.execution_mode: background`, FLUJO-SPEC §8.12). */
export function isBackgroundStep(step: Pick<StepBase, 'config'>): boolean {
  return step.config?.execution_mode === 'background';
}
