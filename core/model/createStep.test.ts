import { describe, expect, it } from 'vitest';
import { createStep, STEP_KINDS } from './createStep';
import { stepChildren } from './stepChildren';

describe('createStep', () => {
  it('covers every kind with explicit kind, name key and empty extra', () => {
    expect(STEP_KINDS).toHaveLength(12);
    for (const kind of STEP_KINDS) {
      const step = createStep(kind, `new_${kind}`);
      expect(step).toMatchObject({
        kind,
        name: `new_${kind}`,
        nameKey: 'name',
        explicitKind: true,
        extra: {},
      });
    }
  });

  it('gives containers one empty child pipeline in list form', () => {
    for (const kind of [
      'parallel',
      'conditional',
      'loop',
      'map',
      'dynamic_router',
      'StateMachine',
    ] as const) {
      const children = stepChildren(createStep(kind, 'c'));
      expect(children).toHaveLength(1);
      expect(children[0]).toMatchObject({ kind: 'list', pipeline: { steps: [], form: 'list' } });
    }
    expect(createStep('StateMachine', 'sm').start_state).toBe('start');
    expect(createStep('map', 'm').map.iterable_input).toBe('items');
    expect(stepChildren(createStep('cache', 'c'))).toEqual([]);
  });

  it('returns fresh objects each time', () => {
    const a = createStep('loop', 'l');
    const b = createStep('loop', 'l');
    expect(a).toEqual(b);
    expect(a.loop.body).not.toBe(b.loop.body);
  });
});
