import type { Pipeline, PortType, StepPath, StepTypes } from '../model';
import { deriveStepTypes } from '../model';

/**
 * Keys `deriveStepTypes` (core/model/stepTypes.ts) does not read, per level of the model. An edit
 * that changes only these keys leaves every port type as it was, so the previous derivation is
 * reused. Keep in sync with stepTypes.ts: a key missing here only costs speed, a key listed here
 * that the derivation starts to read makes types stale (stepCaches.test.ts checks the list).
 */
export const IGNORED_STEP_KEYS: ReadonlySet<string> = new Set([
  'source',
  'name',
  'nameKey',
  'explicitKind',
  'sink_to',
  'validate_fields',
  'usage_limits',
  'plugins',
  'validators',
  'processing',
  'meta',
  'use_history',
  'input_keys',
  'output_keys',
  'extra',
  'message',
  'condition',
  'condition_expression',
  'merge_strategy',
  'on_branch_failure',
  'context_include_keys',
  'field_mapping',
  'ignore_branch_names',
  'start_state',
  'end_states',
  'transitions',
]);
/** Keys ignored inside a step's `config`, `loop`, `map` and `router` mappings. */
export const IGNORED_NESTED_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  config: new Set([
    'max_retries',
    'timeout_s',
    'timeout',
    'temperature',
    'top_k',
    'top_p',
    'preserve_fallback_diagnostics',
    'input_to',
    'input_scratchpad_key',
    'inherit_context',
    'inherit_conversation',
    'propagate_hitl',
    'on_failure',
    'extra',
  ]),
  loop: new Set([
    'source',
    'max_loops',
    'exit_condition',
    'exit_expression',
    'iteration_input_mapper',
    'state',
    'init',
    'propagation',
    'propagationKey',
    'conversation',
    'history_management',
    'history_template',
    'ai_turn_source',
    'user_turn_sources',
    'named_steps',
    'output_template',
    'output',
    'stop_when',
    'extra',
  ]),
  map: new Set(['source', 'iterable_input', 'init', 'extra']),
  router: new Set(['source', 'router_agent', 'extra']),
};
const SOURCE_ONLY = new Set(['source']);
const EMPTY = {};

function isTemplate(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}

function isStepNode(value: object): boolean {
  return 'kind' in value && 'nameKey' in value;
}

/** Deep equality of two model values, skipping keys that do not affect port types. */
function sameForTypes(a: unknown, b: unknown, ignored: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameForTypes(item, b[index], SOURCE_ONLY));
  }
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  const skip = isStepNode(a) ? IGNORED_STEP_KEYS : ignored;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (skip.has(key)) continue;
    const x = left[key];
    const y = right[key];
    if (key === 'input' && skip === IGNORED_STEP_KEYS && isTemplate(x)) {
      // Every template renders to a string: editing its text keeps the types.
      if (!isTemplate(y)) return false;
      continue;
    }
    const nested = skip === IGNORED_STEP_KEYS ? IGNORED_NESTED_KEYS[key] : undefined;
    if (nested) {
      // An absent `config:` reads like an empty one: adding `config: { max_retries: 2 }` is neutral.
      if (!sameForTypes(x ?? EMPTY, y ?? EMPTY, nested)) return false;
    } else if (!sameForTypes(x, y, SOURCE_ONLY)) return false;
  }
  return true;
}

interface Derived {
  readonly pipeline: Pipeline;
  readonly importOutputs: ReadonlyMap<string, PortType>;
  readonly types: ReadonlyMap<StepPath, StepTypes>;
}

const RECENT_LIMIT = 4;
const recent: Derived[] = [];
const byPipeline = new WeakMap<Pipeline, Derived>();

function sameImportOutputs(a: ReadonlyMap<string, PortType>, b: ReadonlyMap<string, PortType>) {
  if (a.size !== b.size) return false;
  for (const [alias, type] of a) if (!sameForTypes(type, b.get(alias), SOURCE_ONLY)) return false;
  return true;
}

/**
 * `deriveStepTypes` with reuse: when the pipeline differs from a recently typed one only in keys
 * that do not affect types (a retry count, an exit expression, a template's text, a name), the
 * earlier derivation is returned as is. Comparison descends only where node identities differ, so
 * after an edit it costs about the depth of the edited step.
 */
export function cachedStepTypes(
  pipeline: Pipeline,
  importOutputs: ReadonlyMap<string, PortType>,
): ReadonlyMap<StepPath, StepTypes> {
  const known = byPipeline.get(pipeline);
  if (known && sameImportOutputs(known.importOutputs, importOutputs)) return known.types;
  const index = recent.findIndex(
    (entry) =>
      sameImportOutputs(entry.importOutputs, importOutputs) &&
      sameForTypes(entry.pipeline.steps, pipeline.steps, SOURCE_ONLY) &&
      sameForTypes(entry.pipeline.agents, pipeline.agents, SOURCE_ONLY),
  );
  const types =
    recent[index]?.types ??
    deriveStepTypes(pipeline, { importOutput: (alias) => importOutputs.get(alias) });
  // The newest version goes first, so the next edit is compared with it (a one-path difference).
  if (index >= 0) recent.splice(index, 1);
  const derived = { pipeline, importOutputs, types };
  byPipeline.set(pipeline, derived);
  recent.unshift(derived);
  if (recent.length > RECENT_LIMIT) recent.pop();
  return types;
}
