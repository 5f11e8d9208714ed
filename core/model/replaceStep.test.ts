import { describe, expect, it } from 'vitest';
import { allKinds, plain } from './__fixtures__/allKinds';
import { failureReason, okPipeline, stepAt } from './__fixtures__/expectEdit';
import { renameStep, replaceStep, updateStep } from './replaceStep';

describe('replaceStep', () => {
  it('replaces a nested step and shares its siblings', () => {
    const result = okPipeline(replaceStep(allKinds, 'steps[4].map.body[1]', plain('other')));
    expect(stepAt(result, 'steps[4].map.body[1]').name).toBe('other');
    expect(stepAt(result, 'steps[4].map.body[0]')).toBe(stepAt(allKinds, 'steps[4].map.body[0]'));
    expect(result.steps[5]).toBe(allKinds.steps[5]);
  });

  it('sets an empty fallback or wrapped-step slot', () => {
    const withFallback = okPipeline(replaceStep(allKinds, 'steps[2].fallback', plain('rescue')));
    expect(stepAt(withFallback, 'steps[2].fallback').name).toBe('rescue');
    const emptied = okPipeline(replaceStep(allKinds, 'steps[6].wrapped_step', plain('cheap')));
    expect(stepAt(emptied, 'steps[6].wrapped_step').name).toBe('cheap');
  });

  it('refuses a wrapped step on a kind that does not wrap, and dangling paths', () => {
    expect(failureReason(replaceStep(allKinds, 'steps[0].wrapped_step', plain('x')))).toMatch(
      /only cache/,
    );
    expect(failureReason(replaceStep(allKinds, 'steps[3].loop.body[5]', plain('x')))).toMatch(
      /no step 5/,
    );
  });
});

describe('updateStep', () => {
  it('returns the very same pipeline when the update changes nothing', () => {
    expect(okPipeline(updateStep(allKinds, 'steps[5].router.branches.left[0]', (s) => s))).toBe(
      allKinds,
    );
  });

  it('applies the update deep in the tree', () => {
    const result = okPipeline(
      updateStep(allKinds, 'steps[7].states.s1[0]', (step) => ({ ...step, sink_to: 'x' })),
    );
    expect(stepAt(result, 'steps[7].states.s1[0]').sink_to).toBe('x');
    const machine = stepAt(result, 'steps[7]');
    const original = stepAt(allKinds, 'steps[7]');
    if (machine.kind !== 'StateMachine' || original.kind !== 'StateMachine') throw new Error();
    expect(machine.states[1]).toBe(original.states[1]);
  });
});

describe('renameStep', () => {
  it('renames and refuses an empty name', () => {
    const result = okPipeline(renameStep(allKinds, 'steps[0].fallback', 'plan_b'));
    expect(stepAt(result, 'steps[0].fallback').name).toBe('plan_b');
    expect(failureReason(renameStep(allKinds, 'steps[0]', '  '))).toMatch(/empty/);
    expect(okPipeline(renameStep(allKinds, 'steps[0]', 'start'))).toBe(allKinds);
  });
});
