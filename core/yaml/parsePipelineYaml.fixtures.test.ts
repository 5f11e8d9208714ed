import { describe, expect, it } from 'vitest';

import type { StepNode } from '../model';
import { fixturesDir, readText, stripSource, yamlFilesIn } from './__fixtures__/testSupport';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printPipelineYaml } from './printPipelineYaml';

const kindFiles = yamlFilesIn(fixturesDir).filter((file) => file.startsWith('kinds/'));

function load(file: string) {
  const result = parsePipelineYaml(readText(fixturesDir, file), { file });
  if (!result.pipeline)
    throw new Error(`${file} did not load: ${JSON.stringify(result.diagnostics)}`);
  return { ...result, pipeline: result.pipeline };
}

function firstStep(file: string): StepNode {
  const [step] = load(file).pipeline.steps;
  if (!step) throw new Error(`${file} has no step`);
  return step;
}

describe('model of every step kind (fixtures in __fixtures__/kinds)', () => {
  it('covers every kind', () => {
    const kinds = new Set(
      kindFiles.flatMap((file) => load(file).pipeline.steps.map((s) => s.kind)),
    );
    expect([...kinds].sort()).toEqual(
      [
        'StateMachine',
        'agentic_loop',
        'cache',
        'conditional',
        'custom',
        'dynamic_router',
        'hitl',
        'loop',
        'map',
        'parallel',
        'step',
        'tree_search',
      ].sort(),
    );
  });

  describe.each(kindFiles)('%s', (file) => {
    const text = readText(fixturesDir, file);
    const result = load(file);

    it('matches the model snapshot', () => {
      expect(stripSource(result.pipeline)).toMatchSnapshot();
    });

    it('prints back byte-identically', () => {
      expect(printPipelineYaml(result.document, result.pipeline)).toBe(text);
    });

    it('has only the findings the fixture is about', () => {
      const expected = file === 'kinds/custom.yaml' ? ['YAML-SCHEMA'] : [];
      expect(result.diagnostics.map((d) => d.code)).toEqual(expected);
    });
  });
});

describe('nesting forms and aliases', () => {
  it('records the form of each sub-pipeline', () => {
    const step = firstStep('kinds/parallel.yaml');
    if (step.kind !== 'parallel') throw new Error('expected parallel');
    expect(
      step.branches.map((b) => [b.key, b.pipeline.form, b.pipeline.steps.map((s) => s.name)]),
    ).toEqual([
      ['as_list', 'list', ['a']],
      ['as_steps_mapping', 'steps', ['b']],
      ['as_single_step', 'single', ['c']],
      ['needs quoting', 'list', ['d']],
    ]);
    expect(step.branches[1]?.pipeline.extra).toEqual({
      note: 'an extra key of the pipeline mapping',
    });
  });

  it('reads `step:` as the name and remembers the key', () => {
    const step = firstStep('kinds/step.yaml');
    expect([step.name, step.nameKey, step.explicitKind, step.kind]).toEqual([
      'aliased_name',
      'step',
      false,
      'step',
    ]);
  });

  it('reads `propagate:` as `propagation` and remembers the key', () => {
    const step = firstStep('kinds/loop.yaml');
    if (step.kind !== 'loop') throw new Error('expected loop');
    expect(step.loop.propagation).toEqual({ next_input: 'context' });
    expect(step.loop.propagationKey).toBe('propagate');
    expect(step.loop.body.form).toBe('steps');
  });

  it('coerces YAML 1.1 branch keys to strings and maps the `on:` key back', () => {
    const conditional = firstStep('kinds/conditional.yaml');
    if (conditional.kind !== 'conditional') throw new Error('expected conditional');
    expect(conditional.branches.map((b) => b.key)).toEqual(['true', '1', 'other']);
    const machine = firstStep('kinds/state_machine.yaml');
    if (machine.kind !== 'StateMachine') throw new Error('expected StateMachine');
    expect(machine.transitions?.map((t) => t.on)).toEqual(['success', 'failure']);
    expect(machine.end_states).toBe('done');
  });

  it('keeps numeric strings as written without a finding', () => {
    const { pipeline, diagnostics } = load('kinds/step.yaml');
    expect(pipeline.agents?.writer?.timeout).toBe('120');
    expect(diagnostics).toEqual([]);
  });

  it('gives positions of nested fields by YAML key path', () => {
    const { pipeline } = load('kinds/step.yaml');
    const builtin = pipeline.steps[1];
    const range = builtin?.source?.fields['config.max_retries'];
    expect(range?.start).toMatchObject({ line: 35, column: 20 });
    expect(builtin?.source?.keys['config.max_retries']?.start).toMatchObject({
      line: 35,
      column: 7,
    });
  });
});
