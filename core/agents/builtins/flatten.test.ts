import { describe, expect, it } from 'vitest';
import { runBuiltin } from './__fixtures__/fakeSkillContext';

describe('flatten', () => {
  it('flattens one level, keeping non-list items', async () => {
    expect(await runBuiltin('flatten', [[1, 2], 3, [[4]], []])).toEqual([1, 2, 3, [4]]);
  });

  it('gives [] for a non-list input', async () => {
    expect(await runBuiltin('flatten', 'abc')).toEqual([]);
    expect(await runBuiltin('flatten', { a: [1] })).toEqual([]);
    expect(await runBuiltin('flatten', null)).toEqual([]);
  });

  it('accepts items from a dict input', async () => {
    expect(await runBuiltin('flatten', { items: [[1], [2]] })).toEqual([1, 2]);
  });
});
