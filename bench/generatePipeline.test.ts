import { describe, expect, it } from 'vitest';
import type { StepKind } from '../core/model';
import { walkSteps } from '../core/model';
import { parsePipelineYaml } from '../core/yaml';
import { generatePipelineYaml } from './generatePipeline';

describe('benchmark pipeline generator', () => {
  it('generates a loadable pipeline of about the requested size, nested 4 deep, of mixed kinds', () => {
    const { pipeline, diagnostics } = parsePipelineYaml(generatePipelineYaml(1000, 4));
    expect(diagnostics).toEqual([]);
    let count = 0;
    let deepest = 0;
    const kinds = new Set<StepKind>();
    walkSteps(pipeline ?? { steps: [] }, ({ step, depth }) => {
      count++;
      deepest = Math.max(deepest, depth);
      kinds.add(step.kind);
    });
    expect(count).toBeGreaterThanOrEqual(1000);
    expect(count).toBeLessThan(1100);
    expect(deepest).toBe(4);
    expect([...kinds].sort()).toEqual([
      'cache',
      'conditional',
      'hitl',
      'loop',
      'map',
      'parallel',
      'step',
    ]);
  });
});
