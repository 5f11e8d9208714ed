import type { ChildPipeline } from '../childPipeline';
import type { Pipeline } from '../pipeline';
import type { PlainStep, StepNode } from '../stepNode';

/** A `kind: step` node with defaults for the bookkeeping fields. */
export function plain(
  name: string,
  fields: Partial<Omit<PlainStep, 'kind' | 'name'>> = {},
): PlainStep {
  return { kind: 'step', name, nameKey: 'name', explicitKind: false, extra: {}, ...fields };
}

/** A child pipeline in list form (or another form when given). */
export function child(
  steps: readonly StepNode[],
  form: ChildPipeline['form'] = 'list',
): ChildPipeline {
  return { steps, form };
}

const base = { nameKey: 'name', explicitKind: true, extra: {} } as const;

/** A pipeline holding every step kind, nested containers, a fallback, a wrapped step, a quoted key. */
export const allKinds: Pipeline = {
  version: '0.1',
  name: 'all_kinds',
  agents: {
    writer: {
      model: 'openai:gpt-4o',
      output_schema: {
        type: 'object',
        properties: { text: { type: 'string' } },
        required: ['text'],
      },
      extra: {},
    },
  },
  imports: { child: 'child.yaml' },
  extra: {},
  steps: [
    plain('start', { fallback: plain('start_fallback') }),
    {
      ...base,
      kind: 'parallel',
      name: 'fan',
      branches: [
        {
          key: 'a',
          pipeline: child([
            plain('to_text', { agent: { id: 'flujo.builtins.stringify', extra: {} } }),
          ]),
        },
        {
          key: 'my key',
          pipeline: child([{ ...base, kind: 'hitl', name: 'ask', message: 'ok?' }]),
        },
      ],
    },
    {
      ...base,
      kind: 'conditional',
      name: 'route',
      condition_expression: "previous_step == 'x'",
      branches: [{ key: 'yes', pipeline: child([plain('yes_step')]) }],
      default_branch: child([plain('default_step')]),
    },
    {
      ...base,
      kind: 'loop',
      name: 'repeat',
      loop: { body: child([plain('body_step')], 'single'), max_loops: 3, extra: {} },
    },
    {
      ...base,
      kind: 'map',
      name: 'each',
      map: { iterable_input: 'items', body: child([plain('map_a'), plain('map_b')]), extra: {} },
    },
    {
      ...base,
      kind: 'dynamic_router',
      name: 'router',
      router: {
        router_agent: 'pkg.mod:pick',
        branches: [{ key: 'left', pipeline: child([plain('left_step')]) }],
        extra: {},
      },
    },
    {
      ...base,
      kind: 'cache',
      name: 'cached',
      wrapped_step: plain('expensive', { uses: 'agents.writer' }),
    },
    {
      ...base,
      kind: 'StateMachine',
      name: 'machine',
      start_state: 's1',
      end_states: 'done',
      states: [
        { key: 's1', pipeline: child([plain('state_step')]) },
        { key: 'idle', pipeline: child([]) },
      ],
    },
    { ...base, kind: 'agentic_loop', name: 'planner' },
    { ...base, kind: 'tree_search', name: 'search' },
    { ...base, kind: 'custom', name: 'mystery', customKind: 'MyKind' },
    plain('imported', { uses: 'imports.child' }),
  ],
};

/** Every step path of `allKinds` in document order, with the step name found there. */
export const allKindsPaths: readonly (readonly [string, string])[] = [
  ['steps[0]', 'start'],
  ['steps[0].fallback', 'start_fallback'],
  ['steps[1]', 'fan'],
  ['steps[1].branches.a[0]', 'to_text'],
  ['steps[1].branches["my key"][0]', 'ask'],
  ['steps[2]', 'route'],
  ['steps[2].branches.yes[0]', 'yes_step'],
  ['steps[2].default_branch[0]', 'default_step'],
  ['steps[3]', 'repeat'],
  ['steps[3].loop.body[0]', 'body_step'],
  ['steps[4]', 'each'],
  ['steps[4].map.body[0]', 'map_a'],
  ['steps[4].map.body[1]', 'map_b'],
  ['steps[5]', 'router'],
  ['steps[5].router.branches.left[0]', 'left_step'],
  ['steps[6]', 'cached'],
  ['steps[6].wrapped_step', 'expensive'],
  ['steps[7]', 'machine'],
  ['steps[7].states.s1[0]', 'state_step'],
  ['steps[8]', 'planner'],
  ['steps[9]', 'search'],
  ['steps[10]', 'mystery'],
  ['steps[11]', 'imported'],
];
