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
import { stepKindRules, stepProperties } from './stepJsonSchema';

const agentSpec = openObject(
  'A declared LLM agent, referenced by `uses: agents.<name>`.',
  {
    model: str('Provider and model, e.g. `openai:gpt-4o` or `anthropic:claude-sonnet-4`.'),
    system_prompt: {
      description:
        'The system prompt, inline or `{ from_file, variables }` (path relative to this file).',
      anyOf: [
        { type: 'string' },
        openObject(
          'A prompt kept in a file next to the YAML.',
          {
            from_file: str('Path of the prompt file, relative to this YAML, inside its folder.'),
            variables: openObject('Template variables rendered per call.', {}),
          },
          ['from_file'],
        ),
      ],
    },
    output_schema: ref('jsonSchema'),
    model_settings: openObject('Settings passed to the provider (temperature, reasoning, …).', {}),
    timeout: num('Seconds per call (a positive number).'),
    max_retries: num('Retries of a failed call (default 3).', true),
  },
  ['model', 'system_prompt', 'output_schema'],
);

const step: JsonSchema = {
  type: 'object',
  description: 'One step. `name` (or its alias `step`) is required; `kind` defaults to `step`.',
  properties: stepProperties,
  anyOf: [{ required: ['name'] }, { required: ['step'] }],
  allOf: stepKindRules,
  additionalProperties: true,
};

/**
 * JSON Schema (draft-07) of the Flujo pipeline YAML format (FLUJO-SPEC §1–3), for Monaco's YAML
 * support: completion and hover text for every key, types of known fields, the three nesting forms
 * of sub-pipelines. Unknown keys are allowed everywhere (the studio keeps them, DECISIONS 10).
 */
export const pipelineJsonSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://flujo-studio.local/schemas/pipeline.schema.json',
  title: 'Flujo pipeline',
  description:
    'A Flujo pipeline file: top-level `steps`, plus optional agents, imports and invariants.',
  type: 'object',
  required: ['steps'],
  additionalProperties: true,
  properties: {
    version: str('Format version, a string such as `"0.1"` (not checked by Flujo).'),
    name: str('Pipeline name (telemetry, budgets, run records).'),
    agents: {
      type: 'object',
      description: 'Declarative LLM agents by name, used as `uses: agents.<name>`.',
      additionalProperties: ref('agentSpec'),
    },
    imports: {
      type: 'object',
      description:
        'Child pipeline files by alias, used as `uses: imports.<alias>` on a `kind: step`.',
      additionalProperties: { type: 'string' },
    },
    steps: ref('stepList'),
    static_invariants: {
      type: 'array',
      description: 'Checked after each top-level step: safe expressions or `{ path: pkg.mod:fn }`.',
      items: {
        anyOf: [
          { type: 'string' },
          openObject('A Python check function.', { path: str('Import path.') }, ['path']),
        ],
      },
    },
  },
  definitions: {
    step,
    stepList: {
      type: 'array',
      description: 'A sequential pipeline: a list of steps.',
      items: ref('step'),
    },
    subPipeline: {
      description:
        'A sub-pipeline: a list of steps, a mapping with `steps: [...]`, or one step mapping.',
      anyOf: [
        ref('stepList'),
        openObject('A pipeline mapping.', { steps: ref('stepList') }, ['steps']),
        ref('step'),
      ],
    },
    branches: {
      type: 'object',
      description: 'Branches by key; each value is a sub-pipeline (keys are read as strings).',
      additionalProperties: ref('subPipeline'),
    },
    agentRef: {
      description:
        'An import path string, `{ id: flujo.builtins.x, params }` or `{ path: pkg.mod:fn }`.',
      anyOf: [
        { type: 'string' },
        openObject(
          'A skill-registry id.',
          {
            id: str('Skill id, e.g. `flujo.builtins.passthrough`.'),
            params: openObject('Factory parameters.', {}),
          },
          ['id'],
        ),
        openObject(
          'An import path in mapping form.',
          { path: str('Import path `pkg.mod:attr`.') },
          ['path'],
        ),
      ],
    },
    agentSpec,
    jsonSchema: openObject('A JSON schema (type, properties, required, items, enum, …).', {}),
    stateOps: openObject(
      'Context operations: `append`, `set`, `merge` lists of `{ target, value }`.',
      {
        append: ref('stateOpList'),
        set: ref('stateOpList'),
        merge: ref('stateOpList'),
      },
    ),
    stateOpList: {
      type: 'array',
      items: openObject(
        'One operation.',
        {
          target: str('A context path starting with `context.`.'),
          value: anyValue('A template rendered to a string (`merge`: to a JSON object).'),
        },
        ['target', 'value'],
      ),
    },
    transition: openObject(
      'A state machine transition.',
      {
        from: str('Source state, or `*` for any state.'),
        on: oneOfStrings('The event.', ['success', 'failure', 'pause']),
        to: str('Target state or end state.'),
        when: str('Optional safe expression that must be true.'),
      },
      ['from', 'on', 'to'],
    ),
    loopSpec: openObject(
      'The loop settings (FLUJO-SPEC §3.5).',
      {
        body: ref('subPipeline'),
        max_loops: num('Hard cap on iterations (positive; default 5).', true),
        exit_condition: str('Import path of a sync `(output, context) -> bool` callable.'),
        exit_expression: str('Safe expression; the loop exits when it is truthy.'),
        initial_input_mapper: str('Import path `(input, context) -> any` for iteration 1.'),
        iteration_input_mapper: str(
          'Import path `(output, context, index) -> any` for later iterations.',
        ),
        loop_output_mapper: str('Import path `(output, context) -> any` for the final output.'),
        state: ref('stateOps'),
        init: anyValue('Operations run once before iteration 1 (dict or list form).'),
        propagation: anyValue(
          '`{ next_input: context }`, `{ field, path, prefix }` or a field name.',
        ),
        propagate: anyValue('Alias of `propagation`.'),
        conversation: bool('Keep a conversation history across iterations.'),
        history_management: openObject('How the conversation history is trimmed.', {
          strategy: oneOfStrings('Trim strategy.', [
            'truncate_tokens',
            'truncate_turns',
            'summarize',
          ]),
          max_tokens: num('Token budget (default 4096).', true),
          max_turns: num('Turn budget (default 20).', true),
          summarize_ratio: num('Share kept when summarizing (default 0.5).'),
        }),
        history_template: str('Template of the history given to agents.'),
        ai_turn_source: oneOfStrings('Which outputs count as AI turns.', [
          'last',
          'all_agents',
          'named_steps',
        ]),
        user_turn_sources: strList('Which inputs count as user turns (default `[hitl]`).'),
        named_steps: strList(
          'Steps whose output counts as AI turns (`ai_turn_source: named_steps`).',
        ),
        output_template: anyValue('Documented by Flujo but not implemented (ignored).'),
        output: anyValue('Documented by Flujo but not implemented (ignored).'),
        stop_when: anyValue('Documented by Flujo but not implemented (ignored).'),
      },
      ['body'],
    ),
    mapSpec: openObject(
      'The map settings (FLUJO-SPEC §3.6).',
      {
        iterable_input: str(
          'Name of a top-level context field holding the items (no dotted path).',
        ),
        body: ref('subPipeline'),
        init: anyValue('Operations run once before the first item.'),
        finalize: openObject('Post-processing of the result list.', {
          output_template: str('Template; `previous_step` is the list of results.'),
          output: openObject('Key → template.', {}),
        }),
      },
      ['iterable_input', 'body'],
    ),
    routerSpec: openObject(
      'The dynamic router settings (FLUJO-SPEC §3.7).',
      {
        router_agent: ref('agentRef'),
        branches: ref('branches'),
      },
      ['router_agent', 'branches'],
    ),
  },
};
