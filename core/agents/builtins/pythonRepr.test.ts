import { describe, expect, it } from 'vitest';
import { pythonRepr, pythonStringify } from './pythonRepr';

describe('pythonStringify (Python str())', () => {
  it.each([
    ['text', 'text'],
    [null, 'None'],
    [true, 'True'],
    [false, 'False'],
    [3, '3'],
    [0.1, '0.1'],
    [1.5e-5, '1.5e-05'],
    [9007199254740991, '9007199254740991'],
    [1.25e16, '1.25e+16'],
    [Infinity, 'inf'],
    [[1, 'a', null], "[1, 'a', None]"],
    [{ k: 'v', n: true, nested: { x: [] } }, "{'k': 'v', 'n': True, 'nested': {'x': []}}"],
  ])('str(%j) is %s', (value, expected) => {
    expect(pythonStringify(value)).toBe(expected);
  });

  it('writes large and tiny floats with a two-digit exponent', () => {
    expect(pythonRepr(1.5e300)).toBe('1.5e+300');
    expect(pythonRepr(0.00001)).toBe('1e-05');
    expect(pythonRepr(0.0001)).toBe('0.0001');
  });

  it('quotes strings the way Python does', () => {
    expect(pythonRepr("it's")).toBe('"it\'s"');
    expect(pythonRepr('say "hi"')).toBe('\'say "hi"\'');
    expect(pythonRepr(`both ' and "`)).toBe(`'both \\' and "'`);
    expect(pythonRepr('a\nb\\')).toBe("'a\\nb\\\\'");
    expect(pythonRepr('\u0001é')).toBe("'\\x01é'");
  });
});
