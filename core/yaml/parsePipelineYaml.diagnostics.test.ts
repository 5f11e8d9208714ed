import { describe, expect, it } from 'vitest';

import { parsePipelineYaml } from './parsePipelineYaml';

interface Case {
  readonly name: string;
  readonly yaml: string;
  /** code, severity, line, column of the single expected finding. */
  readonly expected: readonly [string, string, number | undefined, number | undefined];
  readonly message: string;
  /** Names of the steps that still load. */
  readonly steps?: readonly string[];
  readonly path?: string;
}

const cases: readonly Case[] = [
  {
    name: 'an unclosed flow list',
    yaml: 'steps:\n  - name: a\n    input: [1, 2\n  - name: b\n',
    expected: ['YAML-PARSE', 'error', 4, 3],
    message: 'Check the indentation',
  },
  {
    name: 'a tab used for indentation',
    yaml: 'steps:\n\t- name: a\n',
    expected: ['YAML-PARSE', 'error', 2, 1],
    message: 'Indent with spaces',
  },
  {
    name: 'two documents in one file',
    yaml: 'steps: []\n---\nsteps: []\n',
    expected: ['YAML-PARSE', 'error', 2, 1],
    message: 'remove the second `---` section',
  },
  {
    name: 'an unclosed quote',
    yaml: 'steps:\n  - name: "a\n',
    expected: ['YAML-PARSE', 'error', 3, 1],
    message: 'closing quote',
  },
  {
    name: 'an alias without anchor',
    yaml: 'steps:\n  - name: a\n    input: *nope\n',
    expected: ['YAML-PARSE', 'error', 3, 12],
    message: 'has no anchor `&nope`',
  },
  {
    name: 'a custom tag PyYAML rejects',
    yaml: 'steps:\n  - name: a\n    input: !include x.yaml\n',
    expected: ['YAML-PARSE', 'error', 3, 12],
    message: 'safe_load',
    steps: ['a'],
  },
  {
    name: 'a document that is a list',
    yaml: '- a\n- b\n',
    expected: ['YAML-SCHEMA', 'error', 1, 1],
    message: 'must be a mapping with a `steps:` list',
  },
  {
    name: 'an empty file',
    yaml: '',
    expected: ['YAML-SCHEMA', 'error', undefined, undefined],
    message: 'The file is empty',
    steps: [],
  },
  {
    name: 'a missing `steps`',
    yaml: 'name: x\n',
    expected: ['YAML-SCHEMA', 'error', 1, 1],
    message: 'needs a top-level `steps:` list',
    steps: [],
  },
  {
    name: '`steps` that is not a list',
    yaml: 'steps: foo\n',
    expected: ['YAML-SCHEMA', 'error', 1, 8],
    message: '`steps` must be a list of steps',
    steps: [],
  },
  {
    name: 'a step without `name` (the others still load)',
    yaml: 'steps:\n  - kind: step\n    agent: x\n  - name: good\n',
    expected: ['YAML-SCHEMA', 'error', 2, 5],
    message: 'add `name: my_step`',
    steps: ['good'],
    path: 'steps[0]',
  },
  {
    name: 'a name that is not a string',
    yaml: 'steps:\n  - name: 123\n',
    expected: ['YAML-SCHEMA', 'error', 2, 11],
    message: '`name` must be a string, not the number 123',
    steps: [],
  },
  {
    name: 'a field of the wrong type',
    yaml: 'steps:\n  - name: a\n    updates_context: maybe\n',
    expected: ['YAML-SCHEMA', 'error', 3, 22],
    message: '`updates_context` must be true or false',
    steps: ['a'],
  },
  {
    name: 'an unknown kind',
    yaml: 'steps:\n  - kind: bogus\n    name: a\n',
    expected: ['YAML-SCHEMA', 'error', 2, 11],
    message: 'Unknown step kind `bogus`',
    steps: ['a'],
  },
  {
    name: '`default_branch` written as a branch key',
    yaml: 'steps:\n  - kind: conditional\n    name: c\n    branches:\n      a: [{ name: x }]\n    default_branch: a\n',
    expected: ['YAML-SCHEMA', 'error', 6, 21],
    message:
      '`default_branch` must be a list of steps, not a branch key: write `default_branch: [{ kind: step, name: … }]`.',
    steps: ['c'],
  },
  {
    name: 'a loop without `body`',
    yaml: 'steps:\n  - kind: loop\n    name: l\n    loop:\n      max_loops: 2\n',
    expected: ['YAML-SCHEMA', 'error', 5, 7],
    message: '`loop.body` is required',
    steps: ['l'],
  },
  {
    name: 'a map without `iterable_input`',
    yaml: 'steps:\n  - kind: map\n    name: m\n    map:\n      body: [{ name: x }]\n',
    expected: ['YAML-SCHEMA', 'error', 5, 7],
    message: '`map.iterable_input` is required',
    steps: ['m'],
  },
  {
    name: 'a transition without `to`',
    yaml: 'steps:\n  - kind: StateMachine\n    name: s\n    start_state: a\n    states: { a: [] }\n    transitions:\n      - from: a\n        on: success\n',
    expected: ['YAML-SCHEMA', 'error', 7, 9],
    message: '`transitions[].to` is required',
    steps: ['s'],
  },
  {
    name: '`merge_strategy: merge_scratchpad`',
    yaml: 'steps:\n  - kind: parallel\n    name: p\n    merge_strategy: merge_scratchpad\n    branches: { a: [{ name: x }] }\n',
    expected: ['YAML-SCHEMA', 'error', 4, 21],
    message: 'write `merge_strategy: context_update`',
    steps: ['p'],
  },
  {
    name: 'a version written as a number',
    yaml: 'version: 0.1\nsteps: []\n',
    expected: ['YAML-SCHEMA', 'error', 1, 10],
    message: 'write `version: "0.1"`',
    steps: [],
  },
  {
    name: 'a duplicate key',
    yaml: 'steps:\n  - name: a\n    name: b\n',
    expected: ['YAML-SCHEMA', 'warning', 2, 5],
    message: 'Duplicate key `name`',
    steps: ['b'],
  },
  {
    name: 'a declared agent without `model`',
    yaml: 'agents:\n  w:\n    system_prompt: hi\n    output_schema: {type: string}\nsteps: []\n',
    expected: ['YAML-SCHEMA', 'error', 3, 5],
    message: '`agents.w.model` is required',
    steps: [],
  },
  {
    name: '`max_loops: 0`',
    yaml: 'steps:\n  - kind: loop\n    name: l\n    loop: { max_loops: 0, body: [] }\n',
    expected: ['YAML-SCHEMA', 'error', 4, 24],
    message: 'must be at least 1',
    steps: ['l'],
  },
];

describe('loader findings', () => {
  it.each(cases)('reports $name', (c) => {
    const result = parsePipelineYaml(c.yaml, { file: 'pipeline.yaml' });
    expect(result.diagnostics).toHaveLength(1);
    const [finding] = result.diagnostics;
    expect([
      finding?.code,
      finding?.severity,
      finding?.range?.start.line,
      finding?.range?.start.column,
    ]).toEqual(c.expected);
    expect(finding?.message).toContain(c.message);
    expect(finding?.file).toBe('pipeline.yaml');
    if (c.path) expect(finding?.path).toBe(c.path);
    expect(result.pipeline?.steps.map((step) => step.name)).toEqual(c.steps);
  });

  it('stops expanding nested aliases (a "billion laughs" file) with a finding', () => {
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const yaml = `${levels.join('\n')}\nsteps: [{ name: x, input: *g }]\n`;
    const started = Date.now();
    const result = parsePipelineYaml(yaml);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.pipeline).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['YAML-PARSE']);
    expect(result.diagnostics[0]?.message).toContain('aliases');
  });

  it('keeps a wrong-typed field in `extra`', () => {
    const { pipeline } = parsePipelineYaml('steps:\n  - name: a\n    updates_context: maybe\n');
    expect(pipeline?.steps[0]?.extra).toEqual({ updates_context: 'maybe' });
    expect(pipeline?.steps[0]?.updates_context).toBeUndefined();
  });

  it('keeps a value pydantic would coerce in `extra`, silently', () => {
    const { pipeline, diagnostics } = parsePipelineYaml(
      'steps:\n  - name: a\n    updates_context: "yes"\n    config: { max_retries: "3" }\n',
    );
    expect(diagnostics).toEqual([]);
    expect(pipeline?.steps[0]?.extra).toEqual({ updates_context: 'yes' });
    expect(pipeline?.steps[0]?.config).toEqual({ extra: { max_retries: '3' } });
  });

  it('names the step and its path in nested findings', () => {
    const yaml =
      'steps:\n  - kind: loop\n    name: l\n    loop:\n      body:\n        - name: inner\n          sink_to: 5\n';
    const [finding] = parsePipelineYaml(yaml).diagnostics;
    expect(finding).toMatchObject({ stepName: 'inner', path: 'steps[0].loop.body[0]' });
    expect(finding?.range?.start).toEqual({ line: 7, column: 20, offset: yaml.indexOf('5') });
  });

  it('writes awkward branch keys in the path grammar', () => {
    const yaml =
      'steps:\n  - kind: parallel\n    name: p\n    branches:\n      "a b":\n        - name: x\n          sink_to: 5\n';
    expect(parsePipelineYaml(yaml).diagnostics[0]?.path).toBe('steps[0].branches["a b"][0]');
  });
});
