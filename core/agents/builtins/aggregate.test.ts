import { describe, expect, it } from 'vitest';
import { runBuiltin } from './__fixtures__/fakeSkillContext';

const data = [{ n: 2, tag: 'x' }, { n: 4 }, { n: null, tag: 'y' }, { n: 'nine' }];

describe('aggregate', () => {
  it('counts rows with a non-null field, or all rows without a field', async () => {
    expect(await runBuiltin('aggregate', { data, operation: 'count', field: 'n' })).toBe(3);
    expect(await runBuiltin('aggregate', { data, operation: 'count', field: 'tag' })).toBe(2);
    expect(await runBuiltin('aggregate', { data, operation: 'count' })).toBe(4);
  });

  it('sums and averages the numeric values only', async () => {
    expect(await runBuiltin('aggregate', { data, operation: 'sum', field: 'n' })).toBe(6);
    expect(await runBuiltin('aggregate', { data, operation: 'avg', field: 'n' })).toBe(3);
    expect(await runBuiltin('aggregate', { data, operation: ' Mean ', field: 'n' })).toBe(3);
    expect(await runBuiltin('aggregate', { data, operation: 'average', field: 'n' })).toBe(3);
  });

  it('gives 0 when nothing is numeric, and for an unknown operation', async () => {
    expect(await runBuiltin('aggregate', { data, operation: 'avg', field: 'tag' })).toBe(0);
    expect(await runBuiltin('aggregate', { data, operation: 'sum' })).toBe(0);
    expect(await runBuiltin('aggregate', { data, operation: 'max', field: 'n' })).toBe(0);
  });

  it('treats a dict as one row and other data as no rows', async () => {
    expect(await runBuiltin('aggregate', { data: { n: 5 }, operation: 'sum', field: 'n' })).toBe(5);
    expect(await runBuiltin('aggregate', { data: [1, 2], operation: 'count' })).toBe(0);
  });

  it('fails without an operation', async () => {
    await expect(runBuiltin('aggregate', data)).rejects.toThrow("needs 'operation'");
  });

  it('takes the operation from params and the data from the input', async () => {
    expect(await runBuiltin('aggregate', data, { params: { operation: 'count' } })).toBe(4);
  });

  it('rejects a non-string operation with what to pass', async () => {
    await expect(runBuiltin('aggregate', { data, operation: 3 })).rejects.toThrow(
      'sum, avg, count',
    );
  });
});
