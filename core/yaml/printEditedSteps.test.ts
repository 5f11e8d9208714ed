import { describe, expect, it } from 'vitest';

import type { Pipeline, StepNode } from '../model';
import { listSteps, renameStep, updateStep } from '../model';
import { generatePipelineYaml } from '../../bench/generatePipeline';
import { corpusDir, readText, yamlFilesIn } from './__fixtures__/testSupport';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printEditedSteps } from './printEditedSteps';
import { printPipelineYaml, printWholeDocument } from './printPipelineYaml';

/** A small deterministic random source, so a failure names its seed. */
function randomSource(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

/** One-field edits as the inspector and canvas make them. */
const EDITS: readonly ((step: StepNode, round: number) => StepNode)[] = [
  (step, round) => ({ ...step, name: `${step.name}_r${String(round)}` }),
  (step, round) => ({ ...step, config: { ...(step.config ?? { extra: {} }), max_retries: round } }),
  (step) => ({ ...step, updates_context: !(step.updates_context ?? false) }),
  (step, round) => ({ ...step, input: `{{ context.topic }} #${String(round)}` }),
  (step) => ({ ...step, input: 'line one\nline two\n' }),
  (step) => {
    const copy = { ...step };
    delete copy.config;
    delete copy.input;
    return copy;
  },
];

function randomEdit(pipeline: Pipeline, random: (n: number) => number, round: number): Pipeline {
  const steps = listSteps(pipeline);
  const target = steps[random(steps.length)];
  if (!target) return pipeline;
  const change = EDITS[random(EDITS.length)] ?? EDITS[0];
  const result =
    random(4) === 0
      ? renameStep(pipeline, target.path, `renamed_${String(round)}`)
      : updateStep(pipeline, target.path, (step) => change?.(step, round) ?? step);
  if (!result.ok) throw new Error(result.reason);
  return result.pipeline;
}

/** Edits `text` `rounds` times at random; returns how many edits the fast path printed. */
function compareOn(text: string, seed: number, rounds: number): number {
  const { pipeline, document } = parsePipelineYaml(text);
  if (!pipeline || document.hasErrors) return 0;
  const random = randomSource(seed);
  let fast = 0;
  for (let round = 0; round < rounds; round += 1) {
    const edited = randomEdit(pipeline, random, round);
    const printed = printEditedSteps(document, edited);
    if (printed === undefined) continue;
    fast += 1;
    expect(printed.text, `seed ${String(seed)}, round ${String(round)}`).toBe(
      printWholeDocument(document, edited),
    );
  }
  return fast;
}

describe('printing edits of a few top-level steps (fast path)', () => {
  it('gives the whole-document printer’s text on generated pipelines', () => {
    let fast = 0;
    for (const [seed, size] of [
      [1, 300],
      [2, 200],
      [3, 120],
      [4, 60],
    ] as const) {
      fast += compareOn(generatePipelineYaml(size, 4, seed), seed, 25);
    }
    expect(fast).toBeGreaterThan(60);
  });

  it('gives the whole-document printer’s text on the corpus', () => {
    let fast = 0;
    yamlFilesIn(corpusDir).forEach((file, index) => {
      fast += compareOn(readText(corpusDir, file), index + 1, 12);
    });
    expect(fast).toBeGreaterThan(20);
  });

  it('prints the same as before for edits of several steps and of the last step', () => {
    const text = generatePipelineYaml(80, 3, 5);
    const { pipeline, document } = parsePipelineYaml(text);
    if (!pipeline) throw new Error('did not load');
    const steps = pipeline.steps.map((step, i) =>
      i % 5 === 1 || i === pipeline.steps.length - 1
        ? { ...step, name: `edited_${String(i)}` }
        : step,
    );
    const edited = { ...pipeline, steps };
    expect(printPipelineYaml(document, edited)).toBe(printWholeDocument(document, edited));
  });

  it('declines edits outside the steps (the whole-document printer writes them)', () => {
    const { pipeline, document } = parsePipelineYaml(generatePipelineYaml(20, 2, 7));
    if (!pipeline) throw new Error('did not load');
    expect(printEditedSteps(document, { ...pipeline, name: 'other' })).toBeUndefined();
  });
});
