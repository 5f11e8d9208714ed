import { describe, expect, it } from 'vitest';
import { allKinds, child, plain } from './__fixtures__/allKinds';
import { failureReason, okPipeline, stepAt, topNames } from './__fixtures__/expectEdit';
import type { WrapContainer } from './wrapSteps';
import { wrapSteps } from './wrapSteps';

describe('wrapSteps', () => {
  it.each<[WrapContainer, string]>([
    ['loop', 'steps[1].loop.body[1]'],
    ['map', 'steps[1].map.body[1]'],
    ['parallel', 'steps[1].branches.branch_1[1]'],
    ['conditional', 'steps[1].branches.branch_1[1]'],
  ])('wraps neighbouring steps into a new %s', (container, secondPath) => {
    const result = okPipeline(wrapSteps(allKinds, ['steps[2]', 'steps[1]'], container, 'wrapper'));
    expect(topNames(result).slice(0, 4)).toEqual(['start', 'wrapper', 'repeat', 'each']);
    expect(stepAt(result, 'steps[1]').kind).toBe(container);
    expect(stepAt(result, secondPath)).toBe(allKinds.steps[2]);
    expect(result.steps[0]).toBe(allKinds.steps[0]);
    expect(result.steps[2]).toBe(allKinds.steps[3]);
  });

  it('wraps one step in a cache', () => {
    const result = okPipeline(wrapSteps(allKinds, ['steps[4].map.body[1]'], 'cache', 'memo'));
    const cache = stepAt(result, 'steps[4].map.body[1]');
    expect(cache.kind).toBe('cache');
    expect(stepAt(result, 'steps[4].map.body[1].wrapped_step')).toBe(
      stepAt(allKinds, 'steps[4].map.body[1]'),
    );
  });

  it('puts wrapped steps in a list-form child pipeline', () => {
    const result = okPipeline(wrapSteps(allKinds, ['steps[3].loop.body[0]'], 'loop', 'inner'));
    const inner = stepAt(result, 'steps[3].loop.body[0]');
    expect(inner.kind === 'loop' && inner.loop.body).toEqual(child([plain('body_step')]));
  });

  it.each<[readonly string[], WrapContainer, RegExp]>([
    [[], 'loop', /at least one/],
    [['steps[0]', 'steps[2]'], 'loop', /neighbouring/],
    [['steps[0]', 'steps[0]'], 'loop', /neighbouring/],
    [['steps[0]', 'steps[1].branches.a[0]'], 'map', /same list/],
    [['steps[0]', 'steps[1]'], 'cache', /exactly one/],
    [['steps[0].fallback'], 'loop', /not an entry/],
    [['steps[30]'], 'loop', /do not exist/],
    [['nope'], 'loop', /not a step path/],
  ])('refuses %j in a %s', (paths, container, reason) => {
    expect(failureReason(wrapSteps(allKinds, paths, container, 'w'))).toMatch(reason);
  });
});
