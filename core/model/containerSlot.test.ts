import { describe, expect, it } from 'vitest';
import { childSlot, ROOT_SLOT, slotOf, slotPath } from './containerSlot';

describe('container slots', () => {
  it('names the path of a position in a slot', () => {
    expect(slotPath(ROOT_SLOT, 2)).toBe('steps[2]');
    expect(slotPath(childSlot('steps[1]', { slot: 'branches', key: 'my key' }), 0)).toBe(
      'steps[1].branches["my key"][0]',
    );
    expect(slotPath({ owner: 'steps[0].loop.body[1]', slot: 'default_branch' }, 3)).toBe(
      'steps[0].loop.body[1].default_branch[3]',
    );
  });

  it('finds the slot and index of a step path', () => {
    expect(slotOf('steps[4]')).toEqual({ slot: ROOT_SLOT, index: 4 });
    expect(slotOf('steps[1].states.s1[2]')).toEqual({
      slot: { owner: 'steps[1]', slot: 'states', key: 's1' },
      index: 2,
    });
    expect(slotOf('steps[1].map.body[0]')).toEqual({
      slot: { owner: 'steps[1]', slot: 'map.body' },
      index: 0,
    });
    expect(slotOf('steps[1].fallback')).toBeUndefined();
    expect(slotOf('nope')).toBeUndefined();
  });
});
