import { describe, expect, it } from 'vitest';
import { allKinds } from './__fixtures__/allKinds';
import { failureReason, namesIn, okPipeline, stepAt } from './__fixtures__/expectEdit';
import { deleteStep } from './deleteStep';

describe('deleteStep', () => {
  it('removes a nested list entry and shares the rest', () => {
    const result = okPipeline(deleteStep(allKinds, 'steps[4].map.body[0]'));
    expect(namesIn(result, { owner: 'steps[4]', slot: 'map.body' })).toEqual(['map_b']);
    const before = stepAt(allKinds, 'steps[4]');
    const after = stepAt(result, 'steps[4]');
    if (before.kind !== 'map' || after.kind !== 'map') throw new Error('map expected');
    expect(after.map.body.steps[0]).toBe(before.map.body.steps[1]);
    expect(result.steps.filter((step, i) => step !== allKinds.steps[i])).toEqual([after]);
  });

  it('removes a top-level step', () => {
    const result = okPipeline(deleteStep(allKinds, 'steps[0]'));
    expect(result.steps[0]).toBe(allKinds.steps[1]);
    expect(result.steps).toHaveLength(11);
  });

  it('removes a fallback and a wrapped step', () => {
    const noFallback = okPipeline(deleteStep(allKinds, 'steps[0].fallback'));
    expect('fallback' in stepAt(noFallback, 'steps[0]')).toBe(false);
    const emptyCache = okPipeline(deleteStep(allKinds, 'steps[6].wrapped_step'));
    const cache = stepAt(emptyCache, 'steps[6]');
    expect(cache.kind === 'cache' && cache.wrapped_step).toBeUndefined();
  });

  it.each(['steps[12]', 'steps[1].branches.a[3]', 'steps[1].fallback', 'nope'])(
    'refuses %s',
    (path) => {
      expect(failureReason(deleteStep(allKinds, path))).toMatch(
        /no step|not a step path|no fallback/,
      );
    },
  );
});
