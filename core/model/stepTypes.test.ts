import { describe, expect, it } from 'vitest';
import { allKinds, allKindsPaths, child, plain } from './__fixtures__/allKinds';
import { createStep } from './createStep';
import { describePortType } from './describePortType';
import type { Pipeline } from './pipeline';
import { STRING_TYPE } from './portType';
import type { JsonSchemaObject } from './stepConfig';
import type { ReduceSpec, StepNode } from './stepNode';
import type { StepTypeOptions } from './stepTypes';
import { deriveStepTypes } from './stepTypes';

const STRING: JsonSchemaObject = { type: 'string' };
const INTEGER: JsonSchemaObject = { type: 'integer' };

function typed(name: string, schema: JsonSchemaObject): StepNode {
  return plain(name, { output_schema: schema });
}

function builtin(name: string, id: string, fields: Partial<StepNode> = {}): StepNode {
  return plain(name, { agent: { id: `flujo.builtins.${id}`, extra: {} }, ...fields });
}

/** Described input / accepts / output of the step at `path`. */
function typesAt(
  steps: readonly StepNode[],
  path: string,
  options?: StepTypeOptions,
  pipeline: Partial<Pipeline> = {},
): { input: string; accepts: string; output: string } {
  const types = deriveStepTypes({ extra: {}, ...pipeline, steps }, options).get(path);
  if (!types) throw new Error(`no types for ${path}`);
  return {
    input: describePortType(types.input),
    accepts: describePortType(types.accepts),
    output: describePortType(types.output),
  };
}

describe('deriveStepTypes: plain steps', () => {
  it('types every step of every kind, in document order', () => {
    expect([...deriveStepTypes(allKinds).keys()]).toEqual(allKindsPaths.map(([path]) => path));
  });

  it('chains outputs into inputs; the first step gets any; passthrough echoes its input', () => {
    const steps = [typed('a', STRING), plain('echo'), plain('b', { input_schema: INTEGER })];
    expect(typesAt(steps, 'steps[0]')).toEqual({ input: 'any', accepts: 'any', output: 'string' });
    expect(typesAt(steps, 'steps[1]').output).toBe('string');
    expect(typesAt(steps, 'steps[2]')).toEqual({
      input: 'string',
      accepts: 'integer',
      output: 'string',
    });
  });

  it('reads declared agents’ output_schema; an unknown agent is any', () => {
    const steps = [plain('w', { uses: 'agents.writer' }), plain('x', { uses: 'agents.ghost' })];
    expect(typesAt(steps, 'steps[0]', {}, allKinds).output).toBe('object{text: string}');
    expect(typesAt(steps, 'steps[1]', {}, allKinds).output).toBe('any');
  });

  it('uses the built-in signature table', () => {
    const steps = [
      typed('n', INTEGER),
      builtin('s', 'stringify'),
      builtin('ok', 'check_user_confirmation'),
      builtin('p', 'passthrough'),
      builtin('y', 'extract_yaml_text'),
      builtin('c', 'context_set'),
      builtin('agg', 'aggregate'),
      builtin('csv', 'to_csv'),
      builtin('flat', 'flatten'),
      builtin('who', 'context_get'),
    ];
    const outputs = steps.map((_, i) => typesAt(steps, `steps[${String(i)}]`).output);
    expect(outputs).toEqual([
      'integer',
      'string',
      '"approved" | "denied"',
      '"approved" | "denied"',
      'object{yaml_text: string, generated_yaml: string}',
      'object{path: string, value: any, success: boolean}',
      'number',
      'string',
      'array<any>',
      'any',
    ]);
    expect(typesAt(steps, 'steps[2]').accepts).toBe('string | object{user_input?: string}');
  });

  it('a templated input is a string; a literal input has its literal type', () => {
    const steps = [
      typed('n', INTEGER),
      plain('t', { input: 'Value: {{ previous_step }}' }),
      plain('lit', { input: { rows: [1, 2], operation: 'sum' } }),
      builtin('agg', 'aggregate', { input: { data: [], operation: 'count' } }),
    ];
    expect(typesAt(steps, 'steps[1]')).toMatchObject({ input: 'string', output: 'string' });
    expect(typesAt(steps, 'steps[2]').output).toBe(
      'object{rows: array<integer>, operation: string}',
    );
    expect(typesAt(steps, 'steps[3]')).toMatchObject({
      input: 'object{data: array<any>, operation: string}',
      output: 'number',
    });
  });

  it('a background step passes its input type through', () => {
    const steps = [
      typed('n', INTEGER),
      builtin('bg', 'stringify', { config: { execution_mode: 'background', extra: {} } }),
    ];
    expect(typesAt(steps, 'steps[1]').output).toBe('integer');
  });

  it('a fallback receives the same input as its step', () => {
    const steps = [typed('n', INTEGER), { ...builtin('s', 'stringify'), fallback: plain('f') }];
    expect(typesAt(steps, 'steps[1].fallback')).toMatchObject({
      input: 'integer',
      output: 'integer',
    });
  });

  it('types import steps (any, the artifacts object, or the caller’s answer) and ignores their input:', () => {
    const steps = [
      plain('i', { uses: 'imports.child' }),
      plain('j', {
        uses: 'imports.child',
        updates_context: true,
        config: { outputs: [{ child: 'a', parent: 'b' }], extra: {} },
      }),
      plain('k', { uses: 'imports.child', input: '{{ ignored }}' }),
    ];
    expect(typesAt(steps, 'steps[0]').output).toBe('any');
    expect(typesAt(steps, 'steps[1]').output).toBe('object{import_artifacts: object}');
    const options: StepTypeOptions = { importOutput: () => STRING_TYPE };
    expect(typesAt(steps, 'steps[0]', options).output).toBe('string');
    expect(typesAt(steps, 'steps[2]', options).input).toBe('object{import_artifacts: object}');
  });
});

describe('deriveStepTypes: containers', () => {
  const fan = (reduce?: ReduceSpec) => ({
    ...createStep('parallel', 'fan'),
    branches: [
      { key: 'a', pipeline: child([typed('a1', STRING)]) },
      { key: 'b', pipeline: child([typed('b1', { type: 'array', items: INTEGER })]) },
    ],
    ...(reduce === undefined ? {} : { reduce }),
  });

  it.each([
    [undefined, 'object{a: string, b: array<integer>}'],
    ['keys', 'array<string>'],
    ['values', 'array<string | array<integer>>'],
    ['first', 'string | array<integer>'],
    ['last', 'string | array<integer>'],
    ['concat', 'array<string | integer>'],
    ['union', 'object'],
    [{ mode: 'keys', extra: {} }, 'array<string>'],
    [{ callable: 'pkg:reduce', extra: {} }, 'any'],
    ['pkg.mod:reducer', 'any'],
  ])('parallel with reduce %j outputs %s', (reduce, output) => {
    expect(typesAt([fan(reduce)], 'steps[0]').output).toBe(output);
  });

  it('parallel branches receive the parallel input', () => {
    expect(typesAt([typed('n', INTEGER), fan()], 'steps[1].branches.b[0]').input).toBe('integer');
  });

  it('union merges object outputs of branches', () => {
    const step = {
      ...createStep('parallel', 'p'),
      reduce: 'union',
      branches: [
        { key: 'a', pipeline: child([typed('a1', { type: 'object', properties: { x: STRING } })]) },
        {
          key: 'b',
          pipeline: child([typed('b1', { type: 'object', properties: { y: INTEGER } })]),
        },
      ],
    };
    expect(typesAt([step], 'steps[0]').output).toBe('object{x?: string, y?: integer}');
  });

  it('loop outputs its last body output; an empty body passes the input; a mapper makes it any', () => {
    const loop = {
      ...createStep('loop', 'l'),
      loop: { body: child([plain('echo'), typed('last', INTEGER)]), extra: {} },
    };
    const steps = [typed('s', STRING), loop];
    expect(typesAt(steps, 'steps[1]').output).toBe('integer');
    expect(typesAt(steps, 'steps[1].loop.body[0]').input).toBe('string');
    expect(typesAt([typed('s', STRING), createStep('loop', 'empty')], 'steps[1]').output).toBe(
      'string',
    );
    const mapped = { ...loop, loop: { ...loop.loop, loop_output_mapper: 'pkg:out' } };
    expect(typesAt([mapped], 'steps[0]').output).toBe('any');
  });

  it('map outputs an array of its body output, or the finalize result', () => {
    const map = {
      ...createStep('map', 'm'),
      map: { iterable_input: 'items', body: child([typed('b', INTEGER)]), extra: {} },
    };
    expect(typesAt([typed('s', STRING), map], 'steps[1]').output).toBe('array<integer>');
    expect(typesAt([typed('s', STRING), map], 'steps[1].map.body[0]').input).toBe('any');
    const templated = {
      ...map,
      map: { ...map.map, finalize: { output_template: '{{ previous_step }}', extra: {} } },
    };
    expect(typesAt([templated], 'steps[0]').output).toBe('string');
    const shaped = {
      ...map,
      map: { ...map.map, finalize: { output: { all: '{{ previous_step }}', n: 3 }, extra: {} } },
    };
    expect(typesAt([shaped], 'steps[0]').output).toBe('object{all: string, n: integer}');
  });

  it('conditional outputs the union of its branches and default branch', () => {
    const conditional = {
      ...createStep('conditional', 'c'),
      branches: [
        { key: 'yes', pipeline: child([typed('y', STRING)]) },
        { key: 'no', pipeline: child([]) },
      ],
      default_branch: child([typed('d', { type: 'null' })]),
    };
    expect(typesAt([typed('n', INTEGER), conditional], 'steps[1]').output).toBe(
      'string | integer | null',
    );
  });

  it('dynamic router outputs an object of optional branch outputs', () => {
    const router = {
      ...createStep('dynamic_router', 'r'),
      router: {
        branches: [
          { key: 'left', pipeline: child([typed('l', STRING)]) },
          { key: 'right', pipeline: child([typed('r', INTEGER)]) },
        ],
        extra: {},
      },
    };
    expect(typesAt([router], 'steps[0]').output).toBe('object{left?: string, right?: integer}');
  });

  it('hitl outputs its input_schema type, or a string', () => {
    const ask = createStep('hitl', 'ask');
    expect(typesAt([ask], 'steps[0]')).toMatchObject({ accepts: 'any', output: 'string' });
    const form = {
      ...ask,
      input_schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
    };
    expect(typesAt([form], 'steps[0]')).toMatchObject({
      accepts: 'any',
      output: 'object{ok: boolean}',
    });
  });

  it('cache has the wrapped step’s types, and an empty cache passes its input', () => {
    const cache = { ...createStep('cache', 'c'), wrapped_step: builtin('s', 'stringify') };
    const steps = [typed('n', INTEGER), cache];
    expect(typesAt(steps, 'steps[1]').output).toBe('string');
    expect(typesAt(steps, 'steps[1].wrapped_step')).toMatchObject({
      input: 'integer',
      output: 'string',
    });
    expect(typesAt([typed('n', INTEGER), createStep('cache', 'e')], 'steps[1]').output).toBe(
      'integer',
    );
  });

  it('StateMachine outputs null and feeds every state its own input', () => {
    const machine = {
      ...createStep('StateMachine', 'sm'),
      states: [{ key: 'start', pipeline: child([plain('s1')]) }],
    };
    const steps = [typed('n', INTEGER), machine];
    expect(typesAt(steps, 'steps[1]').output).toBe('null');
    expect(typesAt(steps, 'steps[1].states.start[0]').input).toBe('integer');
  });

  it('agentic_loop, tree_search and custom kinds are any unless they declare output_schema', () => {
    for (const kind of ['agentic_loop', 'tree_search', 'custom'] as const) {
      expect(typesAt([createStep(kind, 'x')], 'steps[0]').output).toBe('any');
      expect(
        typesAt([{ ...createStep(kind, 'x'), output_schema: STRING }], 'steps[0]').output,
      ).toBe('string');
    }
  });
});
