import { describe, expect, it } from 'vitest';
import { allKinds, child, plain } from './__fixtures__/allKinds';
import { createStep, STEP_KINDS } from './createStep';
import type { StepNode } from './stepNode';
import {
  childStepsAt,
  isContainer,
  stepChildren,
  withChildStep,
  withChildSteps,
} from './stepChildren';

function at(index: number): StepNode {
  const step = allKinds.steps[index];
  if (!step) throw new Error(`fixture has no step ${String(index)}`);
  return step;
}

describe('stepChildren', () => {
  it('lists branches in file order, then the default branch, then the fallback', () => {
    const route = { ...at(2), fallback: plain('route_fallback') };
    expect(stepChildren(route).map((c) => c.ref)).toEqual([
      { slot: 'branches', key: 'yes' },
      { slot: 'default_branch' },
      { slot: 'fallback' },
    ]);
  });

  it('knows the child slots of each kind', () => {
    expect(allKinds.steps.map((step) => stepChildren(step).map((c) => c.ref.slot))).toEqual([
      ['fallback'],
      ['branches', 'branches'],
      ['branches', 'default_branch'],
      ['loop.body'],
      ['map.body'],
      ['router.branches'],
      ['wrapped_step'],
      ['states', 'states'],
      [],
      [],
      [],
      [],
    ]);
  });

  it('tells containers from leaf kinds', () => {
    const containers = STEP_KINDS.filter((kind) => isContainer(createStep(kind, 'x')));
    expect(containers).toEqual([
      'parallel',
      'conditional',
      'loop',
      'map',
      'dynamic_router',
      'cache',
      'StateMachine',
    ]);
  });
});

describe('withChildSteps', () => {
  it('turns a single-form child pipeline into a list when it gets a second step', () => {
    const loop = at(3);
    const updated = withChildSteps(loop, { slot: 'loop.body' }, [plain('a'), plain('b')]);
    expect(updated?.kind === 'loop' && updated.loop.body.form).toBe('list');
    const same = withChildSteps(loop, { slot: 'loop.body' }, [plain('a')]);
    expect(same?.kind === 'loop' && same.loop.body.form).toBe('single');
  });

  it('keeps the other branches by identity and refuses unknown slots', () => {
    const fan = at(1);
    const updated = withChildSteps(fan, { slot: 'branches', key: 'a' }, []);
    if (updated?.kind !== 'parallel' || fan.kind !== 'parallel')
      throw new Error('parallel expected');
    expect(updated.branches[1]).toBe(fan.branches[1]);
    expect(withChildSteps(fan, { slot: 'branches', key: 'zzz' }, [])).toBeUndefined();
    expect(withChildSteps(fan, { slot: 'map.body' }, [])).toBeUndefined();
  });

  it('creates a missing default branch', () => {
    const conditional = { ...createStep('conditional', 'c') };
    expect(childStepsAt(conditional, { slot: 'default_branch' })).toEqual([]);
    const updated = withChildSteps(conditional, { slot: 'default_branch' }, [plain('d')]);
    expect(updated?.kind === 'conditional' && updated.default_branch).toEqual(child([plain('d')]));
  });
});

describe('withChildStep', () => {
  it('sets and removes fallbacks and wrapped steps', () => {
    const start = at(0);
    const removed = withChildStep(start, { slot: 'fallback' }, undefined);
    expect(removed && 'fallback' in removed).toBe(false);
    expect(withChildStep(plain('x'), { slot: 'fallback' }, undefined)).toEqual(plain('x'));
    expect(withChildStep(plain('x'), { slot: 'wrapped_step' }, plain('y'))).toBeUndefined();
    const cache = withChildStep(createStep('cache', 'c'), { slot: 'wrapped_step' }, plain('y'));
    expect(cache?.kind === 'cache' && cache.wrapped_step?.name).toBe('y');
  });
});
