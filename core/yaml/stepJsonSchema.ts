import type { JsonSchema } from './jsonSchemaParts';
import {
  anyValue,
  bool,
  num,
  oneOfStrings,
  openObject,
  ref,
  str,
  strList,
} from './jsonSchemaParts';
import { KNOWN_STEP_KINDS } from './readStep';

const importPath = (what: string): JsonSchema => str(`Import path \`pkg.mod:attr\` of ${what}.`);

const stepConfig = openObject('Retries, timeouts, execution mode, and import-step options.', {
  max_retries: num('Retries after the first attempt (default 1).', true),
  timeout_s: num('Per-attempt timeout in seconds.'),
  timeout: num('Alias of `timeout_s`.'),
  temperature: num('Sampling temperature forwarded to the agent.'),
  top_k: num('Top-k forwarded to the agent.', true),
  top_p: num('Top-p forwarded to the agent.'),
  preserve_fallback_diagnostics: bool('Record fallback diagnostics.'),
  execution_mode: oneOfStrings('`background` runs the step detached.', ['sync', 'background']),
  input_to: oneOfStrings('Import steps: where the child input goes.', [
    'initial_prompt',
    'import_artifacts',
    'both',
  ]),
  input_scratchpad_key: str('Import steps: key of the input in import_artifacts.'),
  outputs: anyValue('Import steps: `[{ child, parent }]` mappings (or a child → parent map).'),
  inherit_context: bool('Import steps: start the child from a copy of this context.'),
  inherit_conversation: bool('Import steps: share the conversation history (default true).'),
  propagate_hitl: bool('Import steps: let a child HITL pause the parent (default true).'),
  on_failure: oneOfStrings('Import steps: what a child failure does.', [
    'abort',
    'skip',
    'continue_with_default',
  ]),
});

/** Every key a step mapping may hold, with its type and a short description (FLUJO-SPEC §2–3). */
export const stepProperties: Readonly<Record<string, JsonSchema>> = {
  kind: oneOfStrings(
    'Step kind (default `step`). `StateMachine` is case-sensitive.',
    KNOWN_STEP_KINDS,
  ),
  name: str('Step name, unique in practice (the key of `steps.<name>` in templates).'),
  step: str('Alias of `name`.'),
  agent: ref('agentRef'),
  uses: str(
    '`agents.<name>`, `imports.<alias>` (import step) or an import path. Wins over `agent`.',
  ),
  input: anyValue('Input of a simple step; strings may hold `{{ }}` templates.'),
  config: stepConfig,
  updates_context: bool('Merge the output into the context (needs `sink_to` in Flujo).'),
  validate_fields: bool('Stored; no effect in Flujo.'),
  sink_to: str('Context path that receives the output (HITL: the reply).'),
  fallback: ref('step'),
  usage_limits: openObject('Cost and token limits of this step.', {
    total_cost_usd_limit: num('Maximum cost in USD.'),
    total_tokens_limit: num('Maximum tokens.', true),
  }),
  plugins: {
    type: 'array',
    description: 'Validation plugins: import paths or `{ path, priority }`.',
    items: {
      anyOf: [
        { type: 'string' },
        openObject('A plugin.', { path: str('Import path.'), priority: num('Order.') }, ['path']),
      ],
    },
  },
  validators: strList('Validator import paths.'),
  processing: openObject('Structured output and coercion settings.', {
    structured_output: oneOfStrings('Structured output mode.', [
      'off',
      'auto',
      'openai_json',
      'outlines',
      'xgrammar',
    ]),
    aop: oneOfStrings('Answer-oriented processing.', ['off', 'minimal', 'full']),
    coercion: anyValue('Coercion settings.'),
    schema: ref('jsonSchema'),
    enforce_grammar: bool('Enforce the grammar.'),
    reasoning_precheck: anyValue('Reasoning pre-check settings.'),
  }),
  input_schema: ref('jsonSchema'),
  output_schema: ref('jsonSchema'),
  meta: openObject('Step metadata (simple and import steps only).', {
    suppress_rules: strList('Validator rule ids to silence on this step.'),
    is_adapter: bool('Marks an adapter step (needs `adapter_id` and `adapter_allow`).'),
    adapter_id: str('Adapter id from the allow-list.'),
    adapter_allow: str('Allow-list token.'),
  }),
  use_history: bool('Opt this step out of (or into) conversational history.'),
  input_keys: strList('Studio: context keys this step reads (Flujo ignores it).'),
  output_keys: strList('Studio: context keys this step writes (Flujo ignores it).'),
  branches: ref('branches'),
  merge_strategy: {
    type: 'string',
    description: 'parallel: how branch contexts merge (any letter case; default `context_update`).',
    enum: ['context_update', 'overwrite', 'no_merge', 'error_on_conflict', 'keep_first'],
  },
  on_branch_failure: oneOfStrings('parallel: what a failed branch does.', ['propagate', 'ignore']),
  context_include_keys: strList('parallel: context fields copied into branches.'),
  field_mapping: {
    type: 'object',
    description: 'parallel: branch → fields merged back.',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  },
  ignore_branch_names: bool('parallel: skip the branch-name check.'),
  reduce: {
    description: 'parallel: a reducer preset name or `{ mode, callable, path, evaluator }`.',
    anyOf: [
      { type: 'string' },
      openObject('A reducer.', {
        mode: str('Preset.'),
        callable: str('Import path.'),
        path: str('Import path.'),
      }),
    ],
  },
  condition: importPath('a sync `(output, context) -> str | bool | int` callable (conditional)'),
  condition_expression: str('conditional: safe expression giving the branch key (no `{{ }}`).'),
  default_branch: {
    description: 'conditional: the steps run when no key matches (a sub-pipeline, not a key).',
    anyOf: [
      ref('stepList'),
      openObject('A pipeline mapping.', { steps: ref('stepList') }, ['steps']),
      ref('step'),
    ],
  },
  loop: ref('loopSpec'),
  map: ref('mapSpec'),
  router: ref('routerSpec'),
  message: str('hitl: the question shown to the human (a template).'),
  wrapped_step: ref('step'),
  start_state: str('StateMachine: the first state.'),
  states: ref('branches'),
  end_states: {
    description: 'StateMachine: terminal states.',
    anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  },
  transitions: {
    type: 'array',
    description: 'StateMachine: transitions between states.',
    items: ref('transition'),
  },
  planner: anyValue('agentic_loop: the planner agent (import path or `{ id }`).'),
  registry: anyValue('agentic_loop: tool registry (import path or tool name → agent).'),
  output_template: str('agentic_loop: template of the final output.'),
  proposer: anyValue('tree_search: the proposer agent.'),
  evaluator: anyValue('tree_search: the evaluator agent.'),
  discovery_agent: anyValue('tree_search: optional discovery agent.'),
  cost_function: anyValue('tree_search: optional cost function.'),
  candidate_validator: anyValue('tree_search: optional candidate validator.'),
  static_invariants: anyValue('tree_search: invariants checked on candidates.'),
  branching_factor: num('tree_search: candidates per expansion.', true),
  beam_width: num('tree_search: beam width.', true),
  max_depth: num('tree_search: maximum depth.', true),
  max_iterations: num('tree_search: maximum iterations.', true),
  path_max_tokens: num('tree_search: token budget per path.', true),
  goal_score_threshold: num('tree_search: score that counts as the goal.'),
  require_goal: bool('tree_search: fail unless the goal is reached.'),
};

const requireFor = (kind: string, required: readonly string[]): JsonSchema => ({
  if: { properties: { kind: { const: kind } }, required: ['kind'] },
  then: { required },
});

/** Keys each container kind requires (`if kind == … then required …`). */
export const stepKindRules: readonly JsonSchema[] = [
  requireFor('parallel', ['branches']),
  requireFor('conditional', ['branches']),
  requireFor('loop', ['loop']),
  requireFor('map', ['map']),
  requireFor('dynamic_router', ['router']),
  requireFor('cache', ['wrapped_step']),
  requireFor('StateMachine', ['start_state', 'states']),
];
