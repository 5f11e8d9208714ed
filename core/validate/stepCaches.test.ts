import { describe, expect, it } from 'vitest';

import { generatePipelineYaml } from '../../bench/generatePipeline';
import type { Pipeline, StepNode, StepVisit } from '../model';
import { deriveStepTypes, updateStep, walkSteps } from '../model';
import { parsePipelineYaml } from '../yaml';
import { memoByStep } from './stepMemo';
import { stepRule } from './stepRule';
import { cachedStepTypes, IGNORED_NESTED_KEYS, IGNORED_STEP_KEYS } from './stepTypeCache';
import { collectStepVisits } from './stepVisits';
import { BOTH_PROFILES } from './ruleDefinition';
import { validatePipeline } from './validatePipeline';

function generated(seed: number): Pipeline {
  const { pipeline } = parsePipelineYaml(generatePipelineYaml(120, 4, seed));
  if (!pipeline) throw new Error('did not load');
  return pipeline;
}

function edit(pipeline: Pipeline, path: string, update: (step: StepNode) => StepNode): Pipeline {
  const result = updateStep(pipeline, path, update);
  if (!result.ok) throw new Error(result.reason);
  return result.pipeline;
}

/** The deepest plain step with a templated input (so a template edit keeps its types). */
function deepestPath(pipeline: Pipeline): string {
  let deepest: StepVisit | undefined;
  walkSteps(pipeline, (visit) => {
    const { step } = visit;
    const templated = typeof step.input === 'string' && step.input.includes('{{');
    if (step.kind === 'step' && templated && (!deepest || visit.depth > deepest.depth)) {
      deepest = visit;
    }
  });
  if (!deepest) throw new Error('no plain step');
  return deepest.path;
}

describe('collectStepVisits', () => {
  it('gives exactly the visits of walkSteps', () => {
    const pipeline = generated(3);
    const walked: StepVisit[] = [];
    walkSteps(pipeline, (visit) => {
      walked.push(visit);
    });
    expect(collectStepVisits(pipeline).visits).toEqual(walked);
  });

  it('reuses the visits of unchanged top-level steps after an edit, and only those', () => {
    const pipeline = generated(4);
    const path = deepestPath(pipeline);
    const before = collectStepVisits(pipeline).visits;
    const after = collectStepVisits(edit(pipeline, path, (s) => ({ ...s, name: 'renamed' })));
    const top = path.slice(0, path.indexOf(']') + 1);
    for (const [index, visit] of after.visits.entries()) {
      const inEdited = visit.path === top || visit.path.startsWith(`${top}.`);
      expect(visit === before[index]).toBe(!inEdited);
    }
    expect(after.visits.find((visit) => visit.path === path)?.step.name).toBe('renamed');
  });
});

describe('cachedStepTypes', () => {
  it('reuses the derivation after edits that cannot change types, and equals a fresh one', () => {
    const pipeline = generated(5);
    const path = deepestPath(pipeline);
    const types = cachedStepTypes(pipeline, new Map());
    const edits: ((step: StepNode) => StepNode)[] = [
      (s) => ({ ...s, name: 'other_name' }),
      (s) => ({ ...s, config: { extra: {}, max_retries: 9, timeout_s: 3 } }),
      (s) => ({ ...s, meta: { suppress_rules: ['V-*'], extra: {} }, sink_to: 'out' }),
      (s) => ({ ...s, input: '{{ context.other }} changed' }),
    ];
    let current = pipeline;
    for (const change of edits) {
      current = edit(current, path, change);
      expect(cachedStepTypes(current, new Map())).toBe(types);
      expect(types).toEqual(deriveStepTypes(current));
    }
  });

  it('ignores only keys whose values deriveStepTypes does not read', () => {
    const pipeline = generated(9);
    const odd = { kind: 'odd', type: 'integer', value: '{{ x }}', extra: {} };
    const scrambled = (step: StepNode): StepNode => {
      const copy: Record<string, unknown> = { ...step };
      for (const key of IGNORED_STEP_KEYS) if (key !== 'source') copy[key] = odd;
      for (const [field, keys] of Object.entries(IGNORED_NESTED_KEYS)) {
        const nested = copy[field];
        if (typeof nested !== 'object' || nested === null) continue;
        copy[field] = { ...nested, ...Object.fromEntries([...keys].map((key) => [key, odd])) };
      }
      return copy as unknown as StepNode;
    };
    let current = pipeline;
    walkSteps(pipeline, ({ path }) => {
      current = edit(current, path, scrambled);
    });
    expect(deriveStepTypes(current)).toEqual(deriveStepTypes(pipeline));
  });

  it('derives again when an edit changes types', () => {
    const pipeline = generated(6);
    const path = deepestPath(pipeline);
    const types = cachedStepTypes(pipeline, new Map());
    const edited = edit(pipeline, path, (s) => ({ ...s, output_schema: { type: 'integer' } }));
    const retyped = cachedStepTypes(edited, new Map());
    expect(retyped).not.toBe(types);
    expect(retyped.get(path)?.output).toEqual({ kind: 'integer' });
    expect(retyped).toEqual(deriveStepTypes(edited));
    const literal = edit(pipeline, path, (s) => ({ ...s, input: 42 }));
    expect(cachedStepTypes(literal, new Map())).toEqual(deriveStepTypes(literal));
  });

  it('derives again when an imported child’s output type changes', () => {
    const { pipeline } = parsePipelineYaml(
      'steps:\n  - { kind: step, name: run, uses: imports.kid }\n',
    );
    if (!pipeline) throw new Error('did not load');
    const asString = cachedStepTypes(pipeline, new Map([['kid', { kind: 'string' }]]));
    const asNumber = cachedStepTypes(pipeline, new Map([['kid', { kind: 'number' }]]));
    expect(asString.get('steps[0]')?.output).toEqual({ kind: 'string' });
    expect(asNumber.get('steps[0]')?.output).toEqual({ kind: 'number' });
  });
});

describe('memoByStep', () => {
  it('computes once per step node', () => {
    let calls = 0;
    const nameLength = memoByStep((step) => {
      calls++;
      return step.name.length;
    });
    const pipeline = generated(7);
    const [first] = pipeline.steps;
    if (!first) throw new Error('empty');
    expect(nameLength(first)).toBe(first.name.length);
    expect(nameLength(first)).toBe(first.name.length);
    expect(nameLength({ ...first })).toBe(first.name.length);
    expect(calls).toBe(2);
  });
});

describe('step-local rules', () => {
  it('are re-checked only on the edited top-level subtree and give the same findings', () => {
    const checked: string[] = [];
    const rules = [
      stepRule({
        id: 'TEST-LOCAL',
        profiles: BOTH_PROFILES,
        severity: 'warning',
        description: 'Reports steps named like an edit.',
        checkStep(visit, context) {
          checked.push(visit.path);
          if (visit.step.name.startsWith('edited')) {
            context.report({ step: visit, message: `"${visit.step.name}" was edited.` });
          }
        },
      }),
    ];
    const pipeline = generated(8);
    const path = deepestPath(pipeline);
    expect(validatePipeline(pipeline, {}, rules)).toEqual([]);
    const total = checked.length;
    checked.length = 0;
    const edited = edit(pipeline, path, (s) => ({ ...s, name: 'edited_step' }));
    const found = validatePipeline(edited, {}, rules);
    expect(found.map((d) => [d.code, d.path])).toEqual([['TEST-LOCAL', path]]);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThan(total);
    checked.length = 0;
    expect(validatePipeline(edited, { profile: 'studio' }, rules)).toEqual(found);
    expect(checked).toEqual([]);
    expect(rules[0]?.check).toBeDefined();
  });
});
