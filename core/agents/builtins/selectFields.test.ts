import { describe, expect, it } from 'vitest';
import { runBuiltin } from './__fixtures__/fakeSkillContext';
import { selectFields } from './selectFields';

describe('select_fields', () => {
  it('keeps only included keys, in include order, renaming listed ones', () => {
    expect(selectFields({ a: 1, b: 2, c: 3 }, ['c', 'a', 'zz'], { a: 'A' })).toEqual({
      c: 3,
      A: 1,
    });
    expect(Object.keys(selectFields({ a: 1, b: 2, c: 3 }, ['c', 'a']) as object)).toEqual([
      'c',
      'a',
    ]);
  });

  it('with rename only, keeps every key and renames the listed ones in place', () => {
    const out = selectFields({ a: 1, b: 2 }, undefined, { a: 'first' });
    expect(out).toEqual({ first: 1, b: 2 });
    expect(Object.keys(out as object)).toEqual(['first', 'b']);
  });

  it('projects each dict of a list', () => {
    expect(selectFields([{ a: 1, b: 2 }, { a: 3 }], ['a'])).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it('returns other data unchanged', () => {
    expect(selectFields('text', ['a'])).toBe('text');
    expect(selectFields([{ a: 1 }, 2], ['a'])).toEqual([{ a: 1 }, 2]);
  });

  it('binds include/rename from params or a dict input', async () => {
    expect(
      await runBuiltin('select_fields', { a: 1, b: 2 }, { params: { include: ['b'] } }),
    ).toEqual({ b: 2 });
    expect(await runBuiltin('select_fields', { data: { a: 1 }, rename: { a: 'z' } })).toEqual({
      z: 1,
    });
  });

  it('rejects an include that is not a list of names', async () => {
    await expect(runBuiltin('select_fields', { data: { a: 1 }, include: 'a' })).rejects.toThrow(
      'list of key names',
    );
  });
});
