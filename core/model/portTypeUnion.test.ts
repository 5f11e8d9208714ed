import { describe, expect, it } from 'vitest';
import { ANY_TYPE, enumType, INTEGER_TYPE, NULL_TYPE, objectType, STRING_TYPE } from './portType';
import { unionType } from './portTypeUnion';

describe('unionType', () => {
  it('flattens, merges enums, drops duplicates and collapses to one member', () => {
    expect(unionType([STRING_TYPE])).toBe(STRING_TYPE);
    expect(unionType([STRING_TYPE, { kind: 'string' }])).toEqual(STRING_TYPE);
    expect(unionType([enumType(['a']), unionType([enumType(['b', 'a']), NULL_TYPE])])).toEqual({
      kind: 'anyOf',
      members: [enumType(['a', 'b']), NULL_TYPE],
    });
    expect(
      unionType([objectType({ a: STRING_TYPE }), objectType({ a: STRING_TYPE }), INTEGER_TYPE]),
    ).toEqual({ kind: 'anyOf', members: [objectType({ a: STRING_TYPE }), INTEGER_TYPE] });
  });

  it('is any when a member is any or there are no members', () => {
    expect(unionType([STRING_TYPE, ANY_TYPE])).toEqual(ANY_TYPE);
    expect(unionType([])).toEqual(ANY_TYPE);
  });
});
