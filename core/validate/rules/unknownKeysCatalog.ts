/** The keys Flujo reads in each kind of mapping (FLUJO-SPEC §1–§3), for the unknown-key rule. */
import type { StepKind } from '../../model';

/** Top-level keys of a pipeline file. */
export const PIPELINE_KEYS = ['version', 'name', 'agents', 'imports', 'steps', 'static_invariants'];

/** Keys of a declared agent. */
export const AGENT_KEYS = [
  'model',
  'system_prompt',
  'output_schema',
  'model_settings',
  'timeout',
  'max_retries',
];

/** Keys every step kind may carry. */
export const COMMON_STEP_KEYS = [
  'name',
  'step',
  'kind',
  'agent',
  'uses',
  'input',
  'config',
  'updates_context',
  'validate_fields',
  'sink_to',
  'fallback',
  'usage_limits',
  'plugins',
  'validators',
  'processing',
  'input_schema',
  'output_schema',
  'meta',
  'use_history',
  'input_keys',
  'output_keys',
];

/** Keys only some kinds read. */
export const KIND_KEYS: Readonly<Record<StepKind, readonly string[]>> = {
  step: [],
  parallel: [
    'branches',
    'merge_strategy',
    'on_branch_failure',
    'context_include_keys',
    'field_mapping',
    'ignore_branch_names',
    'reduce',
  ],
  conditional: ['branches', 'condition', 'condition_expression', 'default_branch'],
  loop: ['loop'],
  map: ['map'],
  dynamic_router: ['router'],
  hitl: ['message'],
  cache: ['wrapped_step'],
  StateMachine: ['start_state', 'states', 'end_states', 'transitions'],
  agentic_loop: ['planner', 'registry', 'output_template'],
  tree_search: [
    'proposer',
    'evaluator',
    'discovery_agent',
    'cost_function',
    'candidate_validator',
    'static_invariants',
    'branching_factor',
    'beam_width',
    'max_depth',
    'max_iterations',
    'path_max_tokens',
    'goal_score_threshold',
    'require_goal',
  ],
  custom: [],
};

/** Keys of `config:` (StepConfig plus the import options). */
export const CONFIG_KEYS = [
  'max_retries',
  'timeout_s',
  'timeout',
  'temperature',
  'top_k',
  'top_p',
  'preserve_fallback_diagnostics',
  'execution_mode',
  'input_to',
  'input_scratchpad_key',
  'outputs',
  'inherit_context',
  'inherit_conversation',
  'propagate_hitl',
  'on_failure',
];

/** Keys of `loop:`. */
export const LOOP_KEYS = [
  'body',
  'max_loops',
  'exit_condition',
  'exit_expression',
  'initial_input_mapper',
  'iteration_input_mapper',
  'loop_output_mapper',
  'state',
  'init',
  'propagation',
  'propagate',
  'conversation',
  'history_management',
  'history_template',
  'ai_turn_source',
  'user_turn_sources',
  'named_steps',
  'output_template',
  'output',
  'stop_when',
];

/** Keys of `map:`. */
export const MAP_KEYS = ['iterable_input', 'body', 'init', 'finalize'];

/** Keys of `router:`. */
export const ROUTER_KEYS = ['router_agent', 'branches'];

/** Keys of a state machine transition. */
export const TRANSITION_KEYS = ['from', 'on', 'to', 'when'];

/** Keys of `usage_limits:`. */
export const USAGE_LIMIT_KEYS = ['total_cost_usd_limit', 'total_tokens_limit'];

/** Keys of `map.finalize:`. */
export const FINALIZE_KEYS = ['output_template', 'output'];

/** Keys of `loop.history_management:`. */
export const HISTORY_KEYS = ['strategy', 'max_tokens', 'max_turns', 'summarize_ratio'];

/** Keys of an `agent:` mapping. */
export const AGENT_REF_KEYS = ['id', 'params', 'path'];

/** The kinds that read a step-level key, for "only `hitl` steps read `message`". */
export function kindsReading(key: string): StepKind[] {
  return (Object.keys(KIND_KEYS) as StepKind[]).filter((kind) => KIND_KEYS[kind].includes(key));
}
