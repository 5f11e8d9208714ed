import { describe, expect, it } from 'vitest';
import { allKinds, child, plain } from './__fixtures__/allKinds';
import { failureReason, okPipeline, stepAt, topNames } from './__fixtures__/expectEdit';
import { createStep } from './createStep';
import type { Pipeline } from './pipeline';
import { unwrapStep } from './unwrapStep';
import { wrapSteps } from './wrapSteps';

describe('unwrapStep', () => {
  it('splices a map body into the list that held the map', () => {
    const result = okPipeline(unwrapStep(allKinds, 'steps[4]'));
    expect(topNames(result).slice(3, 7)).toEqual(['repeat', 'map_a', 'map_b', 'router']);
    expect(result.steps[4]).toBe(stepAt(allKinds, 'steps[4].map.body[0]'));
  });

  it('unwraps a loop, a cache, a one-branch router and a one-branch parallel', () => {
    expect(stepAt(okPipeline(unwrapStep(allKinds, 'steps[3]')), 'steps[3]').name).toBe('body_step');
    expect(stepAt(okPipeline(unwrapStep(allKinds, 'steps[6]')), 'steps[6]').name).toBe('expensive');
    expect(stepAt(okPipeline(unwrapStep(allKinds, 'steps[5]')), 'steps[5]').name).toBe('left_step');
    const single: Pipeline = {
      steps: [
        { ...createStep('parallel', 'p'), branches: [{ key: 'x', pipeline: child([plain('a')]) }] },
      ],
      extra: {},
    };
    expect(topNames(okPipeline(unwrapStep(single, 'steps[0]')))).toEqual(['a']);
  });

  it('undoes wrapSteps', () => {
    const wrapped = okPipeline(wrapSteps(allKinds, ['steps[1]', 'steps[2]'], 'loop', 'w'));
    expect(okPipeline(unwrapStep(wrapped, 'steps[1]')).steps).toEqual(allKinds.steps);
  });

  it('unwraps a one-step container sitting in a single-step slot', () => {
    const pipeline: Pipeline = {
      steps: [
        { ...plain('main'), fallback: { ...createStep('cache', 'c'), wrapped_step: plain('w') } },
      ],
      extra: {},
    };
    expect(
      stepAt(okPipeline(unwrapStep(pipeline, 'steps[0].fallback')), 'steps[0].fallback').name,
    ).toBe('w');
  });

  it.each([
    ['steps[1]', /2 child pipelines/],
    ['steps[2]', /2 child pipelines/],
    ['steps[7]', /2 child pipelines/],
    ['steps[0]', /not a container/],
    ['steps[8]', /not a container/],
    ['steps[44]', /no step/],
  ])('refuses %s', (path, reason) => {
    expect(failureReason(unwrapStep(allKinds, path))).toMatch(reason);
  });

  it('refuses a container with a fallback, and an empty cache', () => {
    const withFallback: Pipeline = {
      steps: [{ ...createStep('loop', 'l'), fallback: plain('f') }],
      extra: {},
    };
    expect(failureReason(unwrapStep(withFallback, 'steps[0]'))).toMatch(/fallback/);
    const emptyCache: Pipeline = { steps: [createStep('cache', 'c')], extra: {} };
    expect(failureReason(unwrapStep(emptyCache, 'steps[0]'))).toMatch(/0 child pipelines/);
  });
});
