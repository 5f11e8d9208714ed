import { describe, expect, it } from 'vitest';
import { isTruthy, pythonLength, pythonStr, renderValue } from './pythonValues';
import { toPythonJson } from './pythonJson';

describe('isTruthy (Python truthiness)', () => {
  it.each([null, undefined, false, 0, '', [], {}, new Map()])('%o is falsy', (value) => {
    expect(isTruthy(value)).toBe(false);
  });

  it.each([true, 1, -2.5, NaN, 'x', ' ', [0], { a: null }, new Date(0)])(
    '%o is truthy',
    (value) => {
      expect(isTruthy(value)).toBe(true);
    },
  );
});

describe('pythonStr', () => {
  it('prints None, booleans and numbers the Python way', () => {
    expect(pythonStr(null)).toBe('None');
    expect(pythonStr(undefined)).toBe('None');
    expect(pythonStr(true)).toBe('True');
    expect(pythonStr(false)).toBe('False');
    expect(pythonStr(3)).toBe('3');
    expect(pythonStr(2.5)).toBe('2.5');
  });

  it('prints lists and dicts as Python-style JSON', () => {
    expect(pythonStr({ a: [1, 'x'] })).toBe('{"a": [1, "x"]}');
  });
});

describe('renderValue', () => {
  it('renders None as empty text and other values with pythonStr', () => {
    expect(renderValue(null)).toBe('');
    expect(renderValue(undefined)).toBe('');
    expect(renderValue(false)).toBe('False');
    expect(renderValue('text')).toBe('text');
  });
});

describe('pythonLength', () => {
  it('counts code points, items and keys; other values are 0', () => {
    expect(pythonLength('héllo')).toBe(5);
    expect(pythonLength('a😀b')).toBe(3);
    expect(pythonLength([1, 2])).toBe(2);
    expect(pythonLength({ a: 1, b: 2, c: 3 })).toBe(3);
    expect(pythonLength(null)).toBe(0);
    expect(pythonLength(42)).toBe(0);
  });
});

describe('toPythonJson (json.dumps default style)', () => {
  it('uses ", " and ": " separators', () => {
    expect(toPythonJson({ a: 1, b: [true, null, 'x'] })).toBe('{"a": 1, "b": [true, null, "x"]}');
  });

  it('writes empty containers compactly', () => {
    expect(toPythonJson({ a: {}, b: [] })).toBe('{"a": {}, "b": []}');
  });

  it('keeps non-ASCII characters and escapes quotes and control characters', () => {
    expect(toPythonJson('añ😀 "q" \n\u0001')).toBe('"añ😀 \\"q\\" \\n\\u0001"');
  });

  it('writes None for missing values, non-finite numbers and cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(toPythonJson(undefined)).toBe('null');
    expect(toPythonJson([undefined, Infinity, NaN])).toBe('[null, null, null]');
    expect(toPythonJson({ a: undefined, b: 1 })).toBe('{"b": 1}');
    expect(toPythonJson(cyclic)).toBe('{"name": "loop", "self": null}');
  });

  it('repeats a shared (non-cyclic) object instead of treating it as a cycle', () => {
    const shared = { x: 1 };
    expect(toPythonJson([shared, shared])).toBe('[{"x": 1}, {"x": 1}]');
  });

  it('writes Maps as dicts and Dates as ISO strings', () => {
    expect(toPythonJson(new Map([['k', 1]]))).toBe('{"k": 1}');
    expect(toPythonJson(new Date(Date.UTC(2024, 0, 2)))).toBe('"2024-01-02T00:00:00.000Z"');
  });
});
