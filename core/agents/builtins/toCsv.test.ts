import { describe, expect, it } from 'vitest';
import { runBuiltin } from './__fixtures__/fakeSkillContext';
import { toCsv } from './toCsv';

describe('to_csv', () => {
  it('uses the sorted union of keys, "" for missing values and \\r\\n line ends', () => {
    expect(
      toCsv([
        { b: 1, a: 'x' },
        { c: null, a: 'y' },
      ]),
    ).toBe('a,b,c\r\nx,1,\r\ny,,\r\n');
  });

  it('wraps a single dict and scalars as {value}', () => {
    expect(toCsv({ a: 1 })).toBe('a\r\n1\r\n');
    expect(toCsv(['p', { value: 'q', extra: 2 }])).toBe('extra,value\r\n,p\r\n2,q\r\n');
    expect(toCsv(7)).toBe('value\r\n7\r\n');
  });

  it('keeps only the given headers, in their order', () => {
    expect(toCsv([{ a: 1, b: 2, c: 3 }], ['c', 'a'])).toBe('c,a\r\n3,1\r\n');
  });

  it('quotes fields with a comma, a quote or a newline, doubling quotes', () => {
    expect(toCsv([{ t: 'a,b' }, { t: 'say "hi"' }, { t: 'two\nlines' }, { t: ' plain ' }])).toBe(
      't\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n plain \r\n',
    );
  });

  it('writes values with Python str(): booleans, dicts', () => {
    expect(toCsv([{ ok: true, d: { k: 1 } }])).toBe(`d,ok\r\n{'k': 1},True\r\n`);
  });

  it('quotes a lone empty field so the row is not blank', () => {
    expect(toCsv([{ a: '' }])).toBe('a\r\n""\r\n');
  });

  it('gives "" for no rows', () => {
    expect(toCsv([])).toBe('');
  });

  it('honours headers from params (DECISIONS 1) as well as from a dict input', async () => {
    const rows = [{ a: 1, b: 2 }];
    expect(await runBuiltin('to_csv', rows, { params: { headers: ['b'] } })).toBe('b\r\n2\r\n');
    expect(await runBuiltin('to_csv', { rows, headers: ['a'] })).toBe('a\r\n1\r\n');
  });
});
