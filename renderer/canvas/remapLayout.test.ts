import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../core/model';
import { remapLayout } from './remapLayout';
import { loopAndParallel, plain, threeSteps } from './__fixtures__/pipelines';

describe('remapLayout', () => {
  it('keeps positions with their steps when a step is inserted before them', () => {
    const layout = {
      positions: {
        'steps[0]': { x: 0, y: 0 },
        'steps[1]': { x: 300, y: 0 },
        'steps[2]': { x: 600, y: 0 },
      },
      collapsed: [],
    };
    const after: Pipeline = {
      ...threeSteps,
      steps: [threeSteps.steps[0], plain('new'), ...threeSteps.steps.slice(1)].flatMap((s) =>
        s ? [s] : [],
      ),
    };
    const remapped = remapLayout(threeSteps, after, layout);
    expect(remapped.positions).toEqual({
      'steps[0]': { x: 0, y: 0 },
      'steps[2]': { x: 300, y: 0 },
      'steps[3]': { x: 600, y: 0 },
    });
  });

  it('moves branch label positions and collapsed state with their container', () => {
    const layout = {
      positions: { 'steps[2]': { x: 9, y: 9 }, 'slot:steps[2].branches.left': { x: 1, y: 2 } },
      collapsed: ['steps[1]'],
    };
    const after: Pipeline = { ...loopAndParallel, steps: loopAndParallel.steps.slice(1) };
    const remapped = remapLayout(loopAndParallel, after, layout);
    expect(remapped.positions).toEqual({
      'steps[1]': { x: 9, y: 9 },
      'slot:steps[1].branches.left': { x: 1, y: 2 },
    });
    expect(remapped.collapsed).toEqual(['steps[0]']);
  });

  it('drops the position of a step that moved to another container', () => {
    const layout = {
      positions: { 'steps[0]': { x: 5, y: 5 }, 'steps[1].loop.body[0]': { x: 7, y: 7 } },
      collapsed: [],
    };
    const [first, repeat, ...rest] = loopAndParallel.steps;
    if (repeat?.kind !== 'loop' || !first) throw new Error('fixture');
    const after: Pipeline = {
      ...loopAndParallel,
      steps: [
        repeat.loop.body.steps[0] ?? first,
        { ...repeat, loop: { ...repeat.loop, body: { ...repeat.loop.body, steps: [first] } } },
        ...rest,
      ],
    };
    expect(remapLayout(loopAndParallel, after, layout).positions).toEqual({});
  });

  it('returns the same layout when nothing moved', () => {
    const layout = { positions: { 'steps[0]': { x: 0, y: 0 } }, collapsed: [] };
    expect(remapLayout(threeSteps, threeSteps, layout)).toBe(layout);
  });
});
