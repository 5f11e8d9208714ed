/**
 * The callables Flujo provides (FLUJO-SPEC §6) and the places a step names a callable by import
 * path, for the agent-resolution, "Python cannot run here" and allow-list rules.
 */
import type { AgentRef, SourceRange, StepNode, YamlValue } from '../../model';
import { agentRefTarget, assertNever, isYamlMapping, typedBuiltinNames } from '../../model';

const BUILTIN_SKILLS: readonly string[] = [
  'passthrough',
  'stringify',
  'to_csv',
  'aggregate',
  'select_fields',
  'flatten',
  'welcome_agent',
  'check_user_confirmation',
  'check_user_confirmation_sync',
  'extract_yaml_text',
  'return_yaml_for_cli',
  'extract_decomposed_steps',
  'capture_validation_report',
  'validation_report_to_flag',
  'extract_validation_errors',
  'compute_validity_key',
  'always_valid_key',
  'has_yaml_key',
  'get_yaml_validity',
  'select_validity_branch',
  'select_by_yaml_shape',
  'shape_to_validity_flag',
  'visualize_plan',
  'estimate_plan_cost',
  'aggregate_plan',
  'build_tool_match_input',
  'render_jinja_template',
  'context_set',
  'context_merge',
  'context_get',
  'ask_user',
  'web_search',
  'http_get',
  'extract_from_text',
  'fs_write_file',
  'write_pipeline_yaml',
  'code_interpreter',
  'discover_skills',
  'analyze_project',
  'validate_yaml',
  'run_pipeline_in_memory',
  'get_framework_schema',
  'repair_yaml_ruamel',
  'exit_when_yaml_valid',
];

const BUILTINS = new Set([...BUILTIN_SKILLS, ...typedBuiltinNames()]);

/** Every `flujo.builtins.*` short name Flujo registers. */
export const BUILTIN_NAMES: readonly string[] = [...BUILTINS];

/** Whether `name` is a `flujo.builtins.*` skill Flujo has. */
export function isBuiltinName(name: string): boolean {
  return BUILTINS.has(name);
}

/** Flujo helpers outside `flujo.builtins` that YAML files name by import path (FLUJO-SPEC §6). */
const FLUJO_HELPERS = new Set(['flujo.utils.context:predicate_is_valid_report']);

const BUILTIN_PATH = /^flujo\.builtins[.:]([A-Za-z_][A-Za-z0-9_]*)$/;
const IMPORT_PATH = /^[A-Za-z_][\w.]*(:[A-Za-z_]\w*)?$/;
const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** What a callable reference names. */
export type CallableKind =
  | { readonly kind: 'builtin'; readonly name: string; readonly known: boolean }
  | { readonly kind: 'flujo-helper' }
  | { readonly kind: 'declared-agent'; readonly name: string }
  | { readonly kind: 'import'; readonly alias: string }
  | { readonly kind: 'skill' }
  | { readonly kind: 'catalog-id' }
  | { readonly kind: 'python' }
  | { readonly kind: 'invalid' };

const MAX_CLASSIFIED = 4096;
const classified = new Map<string, CallableKind>();

/** Classifies a reference string (`flujo.builtins.x`, `agents.x`, `pkg.mod:fn`, …), cached by text. */
export function classifyCallable(reference: string, isRegistryId = false): CallableKind {
  const key = `${isRegistryId ? 'id' : 'path'}\u0000${reference}`;
  let kind = classified.get(key);
  if (!kind) {
    if (classified.size >= MAX_CLASSIFIED) classified.clear();
    kind = classifyText(reference.trim(), isRegistryId);
    classified.set(key, kind);
  }
  return kind;
}

function classifyText(text: string, isRegistryId: boolean): CallableKind {
  const builtin = BUILTIN_PATH.exec(text)?.[1];
  if (builtin !== undefined)
    return { kind: 'builtin', name: builtin, known: BUILTINS.has(builtin) };
  if (FLUJO_HELPERS.has(text)) return { kind: 'flujo-helper' };
  if (text.startsWith('agents.')) return { kind: 'declared-agent', name: text.slice(7) };
  if (text.startsWith('imports.')) return { kind: 'import', alias: text.slice(8) };
  if (/^skills[.:]/.test(text)) return { kind: 'skill' };
  if (isRegistryId && IDENTIFIER.test(text)) return { kind: 'catalog-id' };
  if (!IMPORT_PATH.test(text) || text.includes('..')) return { kind: 'invalid' };
  return { kind: 'python' };
}

/** Whether a reference names an identifier after `agents.`/`imports.` as Flujo requires. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A place where a step names a callable, and what that callable is for. */
export interface CallableSite {
  /** YAML key path in the step (`condition`, `loop.exit_condition`, `plugins.0.path`). */
  readonly field: string;
  readonly reference: string;
  /** Words for messages: `agent`, `condition`, `exit condition`, `mapper`, … */
  readonly purpose: string;
  /** `agent: { id: … }` form (a skill-registry id). */
  readonly registryId: boolean;
  readonly range: SourceRange | undefined;
}

function rangeOf(step: StepNode, field: string): SourceRange | undefined {
  return step.source?.fields[field] ?? step.source?.range;
}

function refSite(step: StepNode, field: string, ref: AgentRef, purpose: string): CallableSite {
  const mapping = typeof ref !== 'string';
  const inner = mapping ? ('id' in ref ? `${field}.id` : `${field}.path`) : field;
  return {
    field: inner,
    reference: agentRefTarget(ref),
    purpose,
    registryId: mapping && 'id' in ref,
    range: rangeOf(step, inner),
  };
}

function valueSite(
  step: StepNode,
  field: string,
  value: YamlValue | undefined,
  purpose: string,
): CallableSite[] {
  if (typeof value === 'string') return [refSite(step, field, value, purpose)];
  if (!isYamlMapping(value)) return [];
  for (const key of ['id', 'path'] as const) {
    const target = value[key];
    if (typeof target === 'string') {
      return [
        {
          field: `${field}.${key}`,
          reference: target,
          purpose,
          registryId: key === 'id',
          range: rangeOf(step, `${field}.${key}`),
        },
      ];
    }
  }
  return [];
}

/** The step's own agent (`uses` wins over `agent`), as a site. */
export function agentSite(step: StepNode): CallableSite | undefined {
  if (step.uses !== undefined && step.uses.trim() !== '') {
    return refSite(step, 'uses', step.uses, 'agent');
  }
  if (step.agent !== undefined && agentRefTarget(step.agent).trim() !== '') {
    return refSite(step, 'agent', step.agent, 'agent');
  }
  return undefined;
}

const REDUCE_PRESETS = new Set([
  'keys',
  'values',
  'union',
  'concat',
  'first',
  'last',
  'majority_vote',
  'code_consensus',
  'judge_selection',
]);

function kindSites(step: StepNode): CallableSite[] {
  const sites: CallableSite[] = [];
  const add = (field: string, reference: string | undefined, purpose: string) => {
    if (reference !== undefined && reference.trim() !== '') {
      sites.push(refSite(step, field, reference, purpose));
    }
  };
  switch (step.kind) {
    case 'conditional':
      add('condition', step.condition, 'condition');
      break;
    case 'loop':
      add('loop.exit_condition', step.loop.exit_condition, 'exit condition');
      add('loop.initial_input_mapper', step.loop.initial_input_mapper, 'input mapper');
      add('loop.iteration_input_mapper', step.loop.iteration_input_mapper, 'iteration mapper');
      add('loop.loop_output_mapper', step.loop.loop_output_mapper, 'output mapper');
      break;
    case 'dynamic_router':
      if (step.router.router_agent !== undefined) {
        sites.push(refSite(step, 'router.router_agent', step.router.router_agent, 'router agent'));
      }
      break;
    case 'parallel': {
      const reduce = step.reduce;
      if (typeof reduce === 'string' && !REDUCE_PRESETS.has(reduce.trim().toLowerCase())) {
        add('reduce', reduce, 'reducer');
      } else if (typeof reduce === 'object') {
        add('reduce.callable', reduce.callable, 'reducer');
        add('reduce.path', reduce.path, 'reducer');
      }
      break;
    }
    case 'agentic_loop':
      sites.push(...valueSite(step, 'planner', step.planner, 'planner'));
      if (typeof step.registry === 'string') add('registry', step.registry, 'tool registry');
      break;
    case 'tree_search':
      sites.push(...valueSite(step, 'proposer', step.proposer, 'proposer'));
      sites.push(...valueSite(step, 'evaluator', step.evaluator, 'evaluator'));
      break;
    case 'step':
    case 'map':
    case 'hitl':
    case 'cache':
    case 'StateMachine':
    case 'custom':
      return sites;
    default:
      return assertNever(step);
  }
  return sites;
}

/** Every callable a step names besides its own agent: conditions, mappers, plugins, validators, … */
export function otherCallableSites(step: StepNode): readonly CallableSite[] {
  const sites = kindSites(step);
  (step.plugins ?? []).forEach((plugin, i) => {
    const field = typeof plugin === 'string' ? `plugins.${i}` : `plugins.${i}.path`;
    const reference = typeof plugin === 'string' ? plugin : plugin.path;
    sites.push({
      field,
      reference,
      purpose: 'plugin',
      registryId: false,
      range: rangeOf(step, field),
    });
  });
  (step.validators ?? []).forEach((validator, i) => {
    const field = `validators.${i}`;
    sites.push({
      field,
      reference: validator,
      purpose: 'validator',
      registryId: false,
      range: rangeOf(step, field),
    });
  });
  return sites;
}
