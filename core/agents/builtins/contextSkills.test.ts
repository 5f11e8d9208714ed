import { describe, expect, it } from 'vitest';
import { fakeSkillContext, runBuiltin } from './__fixtures__/fakeSkillContext';

describe('context_set', () => {
  it('sets a new top-level key and a nested key under an existing parent', async () => {
    const context = fakeSkillContext({ import_artifacts: {} });
    expect(await runBuiltin('context_set', { path: 'counter', value: 0 }, { context })).toEqual({
      path: 'counter',
      value: 0,
      success: true,
    });
    await runBuiltin('context_set', { path: 'import_artifacts.n', value: 1 }, { context });
    expect(context.data).toEqual({ counter: 0, import_artifacts: { n: 1 } });
  });

  it('fails softly when an intermediate segment is missing', async () => {
    const context = fakeSkillContext();
    const out = await runBuiltin('context_set', { path: 'a.b', value: 1 }, { context });
    expect(out).toMatchObject({ path: 'a.b', value: 1, success: false });
    expect(context.data).toEqual({});
  });

  it('with a path param takes the step input as the value', async () => {
    const context = fakeSkillContext();
    await runBuiltin('context_set', { any: 'dict' }, { params: { path: 'saved' }, context });
    expect(context.data).toEqual({ saved: { any: 'dict' } });
  });

  it('requires a value and a usable path', async () => {
    await expect(runBuiltin('context_set', { path: 'x' })).rejects.toThrow("needs 'value'");
    await expect(runBuiltin('context_set', { path: '', value: 1 })).rejects.toThrow(
      'dotted context path',
    );
  });
});

describe('context_merge', () => {
  it('creates a missing target as {} and merges into it', async () => {
    const context = fakeSkillContext();
    const out = await runBuiltin(
      'context_merge',
      { path: 'extras', value: { a: 1, b: 2 } },
      {
        context,
      },
    );
    expect(out).toEqual({ path: 'extras', merged_keys: ['a', 'b'], success: true });
    expect(context.data).toEqual({ extras: { a: 1, b: 2 } });
  });

  it('merges the input as value when params give the path', async () => {
    const context = fakeSkillContext({ settings: { theme: 'light', size: 1 } });
    await runBuiltin('context_merge', { theme: 'dark' }, { params: { path: 'settings' }, context });
    expect(context.data).toEqual({ settings: { theme: 'dark', size: 1 } });
  });

  it('reports no success for an empty dict and rejects a non-dict value', async () => {
    expect(await runBuiltin('context_merge', { path: 'x', value: {} })).toMatchObject({
      success: false,
    });
    await expect(runBuiltin('context_merge', { path: 'x', value: 3 })).rejects.toThrow(
      'context_set',
    );
  });
});

describe('context_get', () => {
  const context = fakeSkillContext({ a: { b: 0 }, list: [1] });

  it('reads a dotted path', async () => {
    expect(await runBuiltin('context_get', { path: 'a.b' }, { context })).toBe(0);
    expect(await runBuiltin('context_get', 'a', { context })).toEqual({ b: 0 });
  });

  it('returns the default (None unless given) for a missing path', async () => {
    expect(await runBuiltin('context_get', { path: 'a.c', default: 5 }, { context })).toBe(5);
    expect(await runBuiltin('context_get', { path: 'list.0' }, { context })).toBeNull();
  });
});
