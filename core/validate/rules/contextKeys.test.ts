import { describe, expect, it } from 'vitest';

import type { Pipeline } from '../../model';
import { updateStep } from '../../model';
import type { ValidateOptions } from '../validationTypes';
import { validatePipeline } from '../validatePipeline';
import { fixtureFindings, ruleFindingsIn, summarize } from '../__fixtures__/ruleFixtureFindings';
import { loadPipelineText } from '../__fixtures__/ruleFixtureFindings';
import { stepContextUse } from './contextKeysAnalysis';

function keyFindings(lines: readonly string[], options: ValidateOptions = {}) {
  const yaml = lines.join('\n');
  return ['V-CTX1', 'V-CTX2'].flatMap((rule) =>
    ruleFindingsIn(yaml, rule, 'studio', options).map((d) => `${d.code} ${d.stepName ?? ''}`),
  );
}

describe('V-CTX1 fixtures', () => {
  it('reports reads with no producer before them, with positions', () => {
    expect(fixtureFindings('V-CTX1', 'bad', 'studio').map(summarize)).toEqual([
      { code: 'V-CTX1', severity: 'error', step: 'greet', line: 4, column: 12 },
      { code: 'V-CTX1', severity: 'error', step: 'route', line: 7, column: 27 },
      { code: 'V-CTX1', severity: 'error', step: 'late_reader', line: 12, column: 12 },
    ]);
  });

  it('reports the same in the flujo profile', () => {
    expect(fixtureFindings('V-CTX1', 'bad', 'flujo')).toHaveLength(3);
  });

  it('suggests sink_to, or names the step that produces the key too late', () => {
    const [greet, , late] = fixtureFindings('V-CTX1', 'bad', 'studio');
    expect(greet?.message).toContain('reads context.user.name in `input`');
    expect(greet?.suggestion).toBe('Add `sink_to: user.name` to the step that computes it.');
    expect(late?.message).toContain('"later" produces it but does not run before "late_reader"');
  });

  it('reports nothing on the good fixture', () => {
    expect(fixtureFindings('V-CTX1', 'good', 'studio')).toEqual([]);
    expect(fixtureFindings('V-CTX2', 'good', 'studio')).toEqual([]);
  });
});

describe('V-CTX2 fixtures', () => {
  it('reports keys produced on some paths only, or only in part', () => {
    expect(fixtureFindings('V-CTX2', 'bad', 'studio').map(summarize)).toEqual([
      { code: 'V-CTX2', severity: 'warning', step: 'use_choice', line: 12, column: 12 },
      { code: 'V-CTX2', severity: 'warning', step: 'use_px', line: 23, column: 12 },
      { code: 'V-CTX2', severity: 'warning', step: 'use_last', line: 34, column: 12 },
      { code: 'V-CTX2', severity: 'warning', step: 'reader', line: 41, column: 18 },
      { code: 'V-CTX2', severity: 'warning', step: 'read_parent', line: 47, column: 12 },
    ]);
  });

  it('says which path misses the key', () => {
    const messages = fixtureFindings('V-CTX2', 'bad', 'studio').map((d) => d.message);
    expect(messages[0]).toContain('only in branch "a" of conditional "route"');
    expect(messages[1]).toContain('merge_strategy no_merge');
    expect(messages[2]).toContain('runs zero times');
    expect(messages[3]).toContain('later in the same body');
    expect(messages[4]).toContain('only context.user.name is produced (by "only_child")');
  });

  it('has no V-CTX1 on the bad fixture: every key has a producer somewhere', () => {
    expect(fixtureFindings('V-CTX1', 'bad', 'studio').map((d) => d.stepName)).toEqual([
      'greet',
      'route',
      'late_reader',
    ]);
    const yaml = loadPipelineText('steps: []').text;
    expect(ruleFindingsIn(yaml, 'V-CTX1', 'studio')).toEqual([]);
  });
});

describe('context key flow', () => {
  it('treats initial context keys and built-ins as always present', () => {
    const lines = [
      'steps:',
      '  - name: a',
      '    input: "{{ context.user.id }} {{ context.run_id }} {{ context.hitl_history }}"',
    ];
    expect(keyFindings(lines)).toEqual(['V-CTX1 a']);
    expect(keyFindings(lines, { initialContextKeys: ['user'] })).toEqual([]);
  });

  it('follows parallel include keys and field mappings, and ignored branch failures', () => {
    const lines = [
      'steps:',
      '  - name: seed',
      '    output_keys: [a, b]',
      '  - kind: parallel',
      '    name: fan',
      '    context_include_keys: [a]',
      '    branches:',
      '      x:',
      '        - name: reads_b',
      '          input: "{{ context.a }} {{ context.b }}"',
      '  - kind: parallel',
      '    name: mapped',
      '    on_branch_failure: ignore',
      '    field_mapping: { x: [kept] }',
      '    branches:',
      '      x:',
      '        - name: px',
      '          output_keys: [kept, dropped]',
      '  - name: reads_kept',
      '    input: "{{ context.kept }}"',
      '  - name: reads_dropped',
      '    input: "{{ context.dropped }}"',
    ];
    expect(keyFindings(lines)).toEqual([
      'V-CTX1 reads_b',
      'V-CTX2 reads_kept',
      'V-CTX2 reads_dropped',
    ]);
    const [hidden] = ruleFindingsIn(lines.join('\n'), 'V-CTX1', 'studio');
    expect(hidden?.message).toContain('parallel "fan" copies only its `context_include_keys`');
    expect(hidden?.suggestion).toBe('Add b to the context_include_keys of parallel "fan".');
  });

  it('counts a key every branch provides, even as a parent path in one of them', () => {
    const lines = [
      'steps:',
      '  - kind: conditional',
      '    name: route',
      '    branches:',
      '      a: { name: whole, sink_to: user }',
      '      b: { name: part, sink_to: user.name }',
      '  - name: reader',
      '    input: "{{ context.user.name }}"',
    ];
    expect(keyFindings(lines)).toEqual([]);
  });

  it('treats routers, state machines, fallbacks and background steps as some paths', () => {
    const lines = [
      'steps:',
      '  - kind: dynamic_router',
      '    name: router',
      '    router:',
      '      router_agent: skills.pick:choose',
      '      branches:',
      '        a: { name: ra, sink_to: from_router }',
      '  - kind: StateMachine',
      '    name: machine',
      '    start_state: one',
      '    states:',
      '      one: { name: s_one, input: "{{ context.from_two }}" }',
      '      two: { name: s_two, sink_to: from_two }',
      '    transitions:',
      '      - { from: one, on: success, to: two, when: "context.from_two and context.current_state" }',
      '  - name: primary',
      '    fallback: { name: backup, sink_to: from_backup }',
      '  - name: bg',
      '    sink_to: from_bg',
      '    config: { execution_mode: background }',
      '  - name: reader',
      '    input: "{{ context.from_router }}{{ context.from_two }}{{ context.from_backup }}{{ context.from_bg }}"',
    ];
    const findings = keyFindings(lines);
    expect(findings).toEqual([
      'V-CTX2 s_one',
      'V-CTX2 machine',
      'V-CTX2 reader',
      'V-CTX2 reader',
      'V-CTX2 reader',
      'V-CTX2 reader',
    ]);
  });

  it('follows loop init, state ops, exit expressions and map finalize', () => {
    const lines = [
      'steps:',
      '  - name: list',
      '    output_keys: [items]',
      '  - kind: loop',
      '    name: chat',
      '    loop:',
      '      max_loops: 3',
      '      init: [{ set: context.turns, value: "0" }]',
      '      state: { append: [{ target: context.history, value: "{{ previous_step }}" }] }',
      '      exit_expression: "context.turns == 3 and context.history"',
      '      body:',
      '        - name: talk',
      '          input: "{{ context.turns }} {{ context.history }}"',
      '  - kind: map',
      '    name: each',
      '    map:',
      '      iterable_input: missing_items',
      '      body: [{ name: per_item, sink_to: last }]',
      '      finalize: { output_template: "{{ context.last }}" }',
    ];
    expect(keyFindings(lines)).toEqual([
      'V-CTX1 each',
      'V-CTX2 chat',
      'V-CTX2 talk',
      'V-CTX2 each',
    ]);
  });

  it('merges the properties of an object output, and trusts untyped merges', () => {
    const lines = [
      'agents:',
      '  profiler:',
      '    model: openai:gpt-4o',
      '    system_prompt: Profile.',
      '    output_schema: { type: object, properties: { name: { type: string } } }',
      'steps:',
      '  - name: profile',
      '    uses: agents.profiler',
      '    updates_context: true',
      '  - name: uses_name',
      '    input: "{{ context.name }} {{ context.age }}"',
      '  - name: python_merge',
      '    agent: skills.helpers:merge',
      '    updates_context: true',
      '  - name: anything_goes',
      '    input: "{{ context.whatever }}"',
    ];
    expect(keyFindings(lines)).toEqual(['V-CTX1 uses_name']);
  });

  it('reports a read once per step and key, at the field that reads it', () => {
    const lines = [
      'steps:',
      '  - name: twice',
      '    input: { a: "{{ context.k }}", b: "{{ context.k }}" }',
      '    input_keys: [k]',
    ];
    const findings = ruleFindingsIn(lines.join('\n'), 'V-CTX1', 'studio');
    expect(findings.map((d) => [d.stepName, d.range?.start.line, d.range?.start.column])).toEqual([
      ['twice', 3, 17],
    ]);
  });

  it('revalidates later steps when an edit changes what an earlier step produces', () => {
    const yaml = [
      'steps:',
      '  - kind: loop',
      '    name: outer',
      '    loop: { max_loops: 1, body: [ { name: maker } ] }',
      '  - name: between',
      '  - name: reader',
      '    input: "{{ context.x }}"',
    ].join('\n');
    const { pipeline } = loadPipelineText(yaml);
    const codes = (current: Pipeline) =>
      validatePipeline(current)
        .filter((d) => d.code.startsWith('V-CTX'))
        .map((d) => `${d.code} ${d.stepName ?? ''}`);
    expect(codes(pipeline)).toEqual(['V-CTX1 reader']);
    const body = 'steps[0].loop.body[0]';
    const produced = updateStep(pipeline, body, (step) => ({ ...step, sink_to: 'x' }));
    if (!produced.ok) throw new Error(produced.reason);
    expect(codes(produced.pipeline)).toEqual([]);
    const renamed = updateStep(produced.pipeline, 'steps[1]', (step) => ({ ...step, name: 'b2' }));
    if (!renamed.ok) throw new Error(renamed.reason);
    expect(codes(renamed.pipeline)).toEqual([]);
    const removed = updateStep(renamed.pipeline, body, (step) => ({
      ...step,
      sink_to: undefined,
    }));
    if (!removed.ok) throw new Error(removed.reason);
    expect(codes(removed.pipeline)).toEqual(['V-CTX1 reader']);
    expect(codes(pipeline)).toEqual(['V-CTX1 reader']);
  });

  it('caches each step analysis by node identity', () => {
    const { pipeline } = loadPipelineText('steps:\n  - name: a\n    input: "{{ context.k }}"');
    const [step] = pipeline.steps;
    if (!step) throw new Error('no step');
    expect(stepContextUse(step)).toBe(stepContextUse(step));
    expect(stepContextUse({ ...step }).reads).toEqual(stepContextUse(step).reads);
  });
});
