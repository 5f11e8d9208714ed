import { describe, expect, it } from 'vitest';

import { generatePipelineYaml } from '../../bench/generatePipeline';
import type { Pipeline, StepNode, StepVisit } from '../model';
import { updateStep, walkSteps } from '../model';
import { parsePipelineYaml } from '../yaml';
import { corpusDir, readText, yamlFilesIn } from '../yaml/__fixtures__/testSupport';
import { allRules } from './rules';
import type { ValidateOptions } from './validationTypes';
import { validatePipeline } from './validatePipeline';

type Edit = (pipeline: Pipeline) => Pipeline | undefined;

function load(text: string, file?: string): Pipeline | undefined {
  return parsePipelineYaml(text, file === undefined ? {} : { file }).pipeline;
}

/** Findings as plain data (quick-fix functions dropped, their titles kept). */
function plain(pipeline: Pipeline, options: ValidateOptions, rules = allRules): unknown {
  return JSON.parse(JSON.stringify(validatePipeline(pipeline, options, rules))) as unknown;
}

/** Validation from scratch: fresh node identities and a fresh rule set, so no cache answers. */
function cold(pipeline: Pipeline, options: ValidateOptions): unknown {
  return plain(structuredClone(pipeline), options, [...allRules]);
}

function visitsOf(pipeline: Pipeline): StepVisit[] {
  const visits: StepVisit[] = [];
  walkSteps(pipeline, (visit) => {
    visits.push(visit);
  });
  return visits;
}

function editStep(
  pick: (visits: StepVisit[]) => StepVisit | undefined,
  update: (step: StepNode) => StepNode,
): Edit {
  return (pipeline) => {
    const visit = pick(visitsOf(pipeline));
    if (!visit) return undefined;
    const result = updateStep(pipeline, visit.path, update);
    return result.ok ? result.pipeline : undefined;
  };
}

const deepest = (visits: StepVisit[]) =>
  visits.reduce<StepVisit | undefined>(
    (best, v) => (!best || v.depth > best.depth ? v : best),
    undefined,
  );
const middle = (visits: StepVisit[]) => visits[Math.floor(visits.length / 2)];
const first = (visits: StepVisit[]) => visits[0];

const EDITS: Record<string, Edit> = {
  'config.max_retries': editStep(deepest, (s) => ({
    ...s,
    config: { ...(s.config ?? { extra: {} }), max_retries: 7 },
  })),
  'input template text': editStep(middle, (s) => ({
    ...s,
    input: 'Now {{ previous_step.output }}',
  })),
  'input to JSON-looking text': editStep(middle, (s) => ({
    ...s,
    input: '{ a: {{ previous_step }} }',
  })),
  'input to plain text (types change)': editStep(deepest, (s) => ({ ...s, input: 'plain' })),
  'first step outputs an object (types change)': editStep(first, (s) => ({
    ...s,
    input: { a: 'x', b: 'y' },
  })),
  'step name': editStep(first, (s) => ({ ...s, name: 'renamed_step' })),
  'uses an undeclared agent': editStep(middle, (s) => ({ ...s, uses: 'agents.nobody' })),
  'delete the first top-level step': (p) => ({ ...p, steps: p.steps.slice(1) }),
  'swap two top-level steps': (p) =>
    p.steps.length < 2
      ? undefined
      : {
          ...p,
          steps: [p.steps[1], p.steps[0], ...p.steps.slice(2)].filter((s) => s !== undefined),
        },
  'drop the agents': (p) => ({ ...p, agents: {} }),
};

function checkEdits(base: Pipeline, options: ValidateOptions): number {
  let checked = 0;
  for (const [name, edit] of Object.entries(EDITS)) {
    plain(base, options); // warm every cache with the version before the edit
    const edited = edit(base);
    if (!edited) continue;
    expect(plain(edited, options), name).toEqual(cold(edited, options));
    checked++;
  }
  return checked;
}

describe('revalidation after an edit equals validation from scratch', () => {
  it('on the generated 1,000-step pipeline, for several kinds of edits', () => {
    const base = load(generatePipelineYaml(1000, 4));
    if (!base) throw new Error('did not load');
    const options = { file: 'generated.yaml', initialContextKeys: ['topic', 'items'] };
    expect(checkEdits(base, options)).toBe(Object.keys(EDITS).length);
    expect(checkEdits(base, { ...options, profile: 'flujo' as const })).toBe(
      Object.keys(EDITS).length,
    );
  });

  it('on the pipelines of the corpus', () => {
    let checked = 0;
    for (const file of yamlFilesIn(corpusDir)) {
      const text = readText(corpusDir, file);
      const base = load(text, file);
      if (!base || base.steps.length === 0) continue;
      checked += checkEdits(base, { file });
    }
    expect(checked).toBeGreaterThan(20);
  });
});
