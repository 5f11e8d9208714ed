import { describe, expect, it } from 'vitest';
import { describePortType } from './describePortType';
import type { PortType } from './portType';
import {
  ANY_TYPE,
  arrayType,
  enumType,
  NULL_TYPE,
  objectType,
  OPEN_OBJECT_TYPE,
  STRING_TYPE,
} from './portType';
import { unionType } from './portTypeUnion';

describe('describePortType', () => {
  it.each<[PortType, string]>([
    [ANY_TYPE, 'any'],
    [STRING_TYPE, 'string'],
    [objectType({ yaml_text: STRING_TYPE }), 'object{yaml_text: string}'],
    [objectType({ a: STRING_TYPE, b: NULL_TYPE }, ['a']), 'object{a: string, b?: null}'],
    [OPEN_OBJECT_TYPE, 'object'],
    [arrayType(STRING_TYPE), 'array<string>'],
    [enumType(['a', 'b']), '"a" | "b"'],
    [unionType([STRING_TYPE, NULL_TYPE]), 'string | null'],
    [arrayType(unionType([STRING_TYPE, NULL_TYPE])), 'array<string | null>'],
    [
      objectType({
        a: ANY_TYPE,
        b: ANY_TYPE,
        c: ANY_TYPE,
        d: ANY_TYPE,
        e: ANY_TYPE,
        f: ANY_TYPE,
        g: ANY_TYPE,
      }),
      'object{a: any, b: any, c: any, d: any, e: any, … +2}',
    ],
  ])('describes %o as %s', (type, text) => {
    expect(describePortType(type)).toBe(text);
  });
});
