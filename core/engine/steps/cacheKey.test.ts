import { describe, expect, it } from 'vitest';
import { pipelineOf } from '../__fixtures__/engineHarness';
import { cacheKey, stableJson } from './cacheKey';

function firstStep(yaml: string) {
  const pipeline = pipelineOf(yaml);
  const step = pipeline.steps[0];
  if (step === undefined) throw new Error('no step');
  return { pipeline, step };
}

const base = `
name: keys
agents:
  writer: { model: "openai:gpt-4o", system_prompt: "Be brief." }
steps:
  - name: write
    uses: agents.writer
    config: { max_retries: 1 }
`;

describe('cacheKey (FLUJO-SPEC §8.10)', () => {
  it('is <step name>:<64 hex digits> and stable for equal inputs with reordered keys', () => {
    const { pipeline, step } = firstStep(base);
    const key = cacheKey(step, pipeline, { a: 1, b: [1, 2] });
    expect(key).toMatch(/^write:[0-9a-f]{64}$/);
    expect(cacheKey(step, pipeline, { b: [1, 2], a: 1 })).toBe(key);
    expect(cacheKey(step, pipeline, { a: 2, b: [1, 2] })).not.toBe(key);
  });

  it("changes with the declared agent's system prompt and model, and with the config", () => {
    const { pipeline, step } = firstStep(base);
    const key = cacheKey(step, pipeline, 'x');
    const prompt = firstStep(base.replace('Be brief.', 'Be long.'));
    expect(cacheKey(prompt.step, prompt.pipeline, 'x')).not.toBe(key);
    const model = firstStep(base.replace('gpt-4o', 'gpt-4o-mini'));
    expect(cacheKey(model.step, model.pipeline, 'x')).not.toBe(key);
    const retries = firstStep(base.replace('max_retries: 1', 'max_retries: 2'));
    expect(cacheKey(retries.step, retries.pipeline, 'x')).not.toBe(key);
  });

  it('stableJson sorts keys and drops undefined fields', () => {
    expect(stableJson({ b: 1, a: undefined, c: [undefined, 'x'] })).toBe('{"b":1,"c":[null,"x"]}');
  });
});
