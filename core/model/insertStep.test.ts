import { describe, expect, it } from 'vitest';
import { allKinds, child, plain } from './__fixtures__/allKinds';
import { failureReason, namesIn, okPipeline, stepAt, topNames } from './__fixtures__/expectEdit';
import { createStep } from './createStep';
import { insertStep } from './insertStep';

describe('insertStep', () => {
  it('inserts at the top level and shares every untouched step', () => {
    const result = okPipeline(
      insertStep(allKinds, { owner: 'root', slot: 'steps' }, 1, plain('new')),
    );
    expect(topNames(result).slice(0, 3)).toEqual(['start', 'new', 'fan']);
    expect(result.steps[0]).toBe(allKinds.steps[0]);
    expect(result.steps[2]).toBe(allKinds.steps[1]);
    expect(result.agents).toBe(allKinds.agents);
    expect(allKinds.steps).toHaveLength(12);
  });

  it('inserts into a nested branch with a quoted key, copying only the path to it', () => {
    const slot = { owner: 'steps[1]', slot: 'branches', key: 'my key' } as const;
    const result = okPipeline(insertStep(allKinds, slot, 1, plain('after_ask')));
    expect(namesIn(result, slot)).toEqual(['ask', 'after_ask']);
    const before = stepAt(allKinds, 'steps[1]');
    const after = stepAt(result, 'steps[1]');
    if (before.kind !== 'parallel' || after.kind !== 'parallel')
      throw new Error('parallel expected');
    expect(after).not.toBe(before);
    expect(after.branches[0]).toBe(before.branches[0]);
    expect(result.steps[2]).toBe(allKinds.steps[2]);
  });

  it('turns a single-form body into a list when it gets a second step', () => {
    const slot = { owner: 'steps[3]', slot: 'loop.body' } as const;
    const result = okPipeline(insertStep(allKinds, slot, 0, plain('first')));
    const loop = stepAt(result, 'steps[3]');
    expect(loop.kind === 'loop' && loop.loop.body).toEqual(
      child([plain('first'), plain('body_step')], 'list'),
    );
  });

  it('inserts into a state, a router branch and a new default branch', () => {
    const state = okPipeline(
      insertStep(allKinds, { owner: 'steps[7]', slot: 'states', key: 'idle' }, 0, plain('wait')),
    );
    expect(stepAt(state, 'steps[7].states.idle[0]').name).toBe('wait');
    const router = okPipeline(
      insertStep(
        allKinds,
        { owner: 'steps[5]', slot: 'router.branches', key: 'left' },
        1,
        plain('r'),
      ),
    );
    expect(stepAt(router, 'steps[5].router.branches.left[1]').name).toBe('r');
    const fresh = okPipeline(
      insertStep(
        { steps: [createStep('conditional', 'c')], extra: {} },
        { owner: 'steps[0]', slot: 'default_branch' },
        0,
        plain('d'),
      ),
    );
    expect(stepAt(fresh, 'steps[0].default_branch[0]').name).toBe('d');
  });

  it.each([
    [{ owner: 'root', slot: 'steps' } as const, 13, /position 13/],
    [{ owner: 'root', slot: 'steps' } as const, -1, /position -1/],
    [{ owner: 'steps[0]', slot: 'loop.body' } as const, 0, /no loop body/],
    [{ owner: 'steps[1]', slot: 'branches', key: 'zzz' } as const, 0, /no branch "zzz"/],
    [{ owner: 'steps[99]', slot: 'loop.body' } as const, 0, /no step/],
    [{ owner: 'bad path', slot: 'loop.body' } as const, 0, /not a step path/],
  ])('refuses %j at %i', (slot, index, reason) => {
    expect(failureReason(insertStep(allKinds, slot, index, plain('x')))).toMatch(reason);
  });
});
