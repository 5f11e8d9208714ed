import { describe, expect, it } from 'vitest';

import { renameStep, updateStep } from '../model';
import { generatePipelineYaml } from '../../bench/generatePipeline';
import { parsePipelineYaml } from './parsePipelineYaml';
import { printPipelineYaml, printWholeDocument } from './printPipelineYaml';

function load(text: string) {
  const result = parsePipelineYaml(text);
  if (!result.pipeline) throw new Error('did not load');
  return { pipeline: result.pipeline, document: result.document };
}

describe('re-parsing after an edit (structural sharing)', () => {
  it('keeps the model objects of the steps before the edit, and reads the same model', () => {
    const { pipeline, document } = load(generatePipelineYaml(120, 3, 3));
    const index = Math.floor(pipeline.steps.length / 2);
    const edited = renameStep(
      pipeline,
      `steps[${String(index)}]`,
      'a_much_longer_name_than_before',
    );
    if (!edited.ok) throw new Error(edited.reason);
    const text = printPipelineYaml(document, edited.pipeline);
    const shared = parsePipelineYaml(text, { previous: document });
    const fresh = parsePipelineYaml(text);
    expect(shared.pipeline).toEqual(fresh.pipeline);
    expect(shared.diagnostics).toEqual(fresh.diagnostics);
    shared.pipeline?.steps.forEach((step, i) => {
      if (i < index) expect(step).toBe(pipeline.steps[i]);
      else expect(step).not.toBe(pipeline.steps[i]);
    });
  });

  it('keeps every unchanged step when the edit keeps the text’s length', () => {
    const { pipeline, document } = load(generatePipelineYaml(60, 3, 4));
    const edited = updateStep(pipeline, 'steps[3]', (step) => ({
      ...step,
      name: `${step.name.slice(0, -1)}X`,
    }));
    if (!edited.ok) throw new Error(edited.reason);
    const text = printPipelineYaml(document, edited.pipeline);
    expect(text.length).toBe(document.text.length);
    const shared = parsePipelineYaml(text, { previous: document });
    const kept = shared.pipeline?.steps.filter((step, i) => step === pipeline.steps[i]);
    expect(kept).toHaveLength(pipeline.steps.length - 1);
  });

  it('shares nothing after a text edit that moves every step, and reads the same model', () => {
    const { pipeline, document } = load(generatePipelineYaml(40, 3, 8));
    for (const text of [
      document.text.replace('name: generated_benchmark', 'name: generated_benchmarks'),
      document.text.replace('steps:\n', 'steps:\n\n'),
      document.text.replace('version: "0.1"', 'version: "0.2"'),
    ]) {
      const shared = parsePipelineYaml(text, { previous: document });
      expect(shared.pipeline).toEqual(parsePipelineYaml(text).pipeline);
      const kept = shared.pipeline?.steps.filter((step, i) => step === pipeline.steps[i]);
      expect(kept).toHaveLength(text.length === document.text.length ? pipeline.steps.length : 0);
    }
  });

  it('prints a further edit of a re-parsed model as the whole-document printer does', () => {
    let { pipeline, document } = load(generatePipelineYaml(80, 3, 6));
    for (let round = 0; round < 6; round += 1) {
      const path = `steps[${String((round * 7) % pipeline.steps.length)}]`;
      const edited = updateStep(pipeline, path, (step) => ({
        ...step,
        config: { ...(step.config ?? { extra: {} }), max_retries: round },
      }));
      if (!edited.ok) throw new Error(edited.reason);
      const text = printPipelineYaml(document, edited.pipeline);
      expect(text).toBe(printWholeDocument(document, edited.pipeline));
      const next = parsePipelineYaml(text, { previous: document });
      if (!next.pipeline) throw new Error('did not load');
      ({ pipeline, document } = { pipeline: next.pipeline, document: next.document });
    }
  });
});
