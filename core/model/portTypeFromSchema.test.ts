import { describe, expect, it } from 'vitest';
import type { YamlValue } from './jsonValue';
import type { PortType } from './portType';
import {
  ANY_TYPE,
  arrayType,
  BOOLEAN_TYPE,
  enumType,
  INTEGER_TYPE,
  NULL_TYPE,
  NUMBER_TYPE,
  objectType,
  OPEN_OBJECT_TYPE,
  STRING_TYPE,
} from './portType';
import { fromJsonSchema, toJsonSchema } from './portTypeFromSchema';
import { unionType } from './portTypeUnion';

describe('fromJsonSchema', () => {
  it.each<[YamlValue | undefined, PortType]>([
    [undefined, ANY_TYPE],
    ['string', ANY_TYPE],
    [{}, ANY_TYPE],
    [{ type: 'widget' }, ANY_TYPE],
    [{ type: 'string' }, STRING_TYPE],
    [{ type: 'number' }, NUMBER_TYPE],
    [{ type: 'integer' }, INTEGER_TYPE],
    [{ type: 'boolean' }, BOOLEAN_TYPE],
    [{ type: 'null' }, NULL_TYPE],
    [{ type: 'object' }, OPEN_OBJECT_TYPE],
    [{ type: 'array' }, arrayType(ANY_TYPE)],
    [{ type: 'array', items: { type: 'string' } }, arrayType(STRING_TYPE)],
    [{ type: ['string', 'null'] }, unionType([STRING_TYPE, NULL_TYPE])],
    [{ type: 'string', nullable: true }, unionType([STRING_TYPE, NULL_TYPE])],
    [{ enum: ['a', 'b'] }, enumType(['a', 'b'])],
    [{ type: 'string', enum: ['a'] }, enumType(['a'])],
    [{ enum: [{ x: 1 }] }, ANY_TYPE],
    [{ const: 3 }, enumType([3])],
    [{ anyOf: [{ type: 'string' }, { type: 'integer' }] }, unionType([STRING_TYPE, INTEGER_TYPE])],
    [{ oneOf: [{ type: 'string' }] }, STRING_TYPE],
    [{ allOf: [{ type: 'string' }] }, STRING_TYPE],
    [{ allOf: [{ type: 'string' }, { minLength: 1 }] }, ANY_TYPE],
    [{ properties: { a: { type: 'string' } } }, objectType({ a: STRING_TYPE }, [])],
    [{ items: { type: 'integer' } }, arrayType(INTEGER_TYPE)],
  ])('reads %j', (schema, expected) => {
    expect(fromJsonSchema(schema)).toEqual(expected);
  });

  it('reads objects with required keys and additionalProperties', () => {
    expect(
      fromJsonSchema({
        type: 'object',
        properties: { yaml_text: { type: 'string' }, meta: { type: 'object' } },
        required: ['yaml_text', 7],
        additionalProperties: false,
      }),
    ).toEqual({
      kind: 'object',
      properties: { yaml_text: STRING_TYPE, meta: OPEN_OBJECT_TYPE },
      required: ['yaml_text'],
      additionalProperties: false,
    });
    expect(fromJsonSchema({ type: 'object', additionalProperties: { type: 'number' } })).toEqual({
      ...OPEN_OBJECT_TYPE,
      additionalProperties: NUMBER_TYPE,
    });
  });

  it('keeps a property called __proto__ as a plain property', () => {
    const type = fromJsonSchema({
      type: 'object',
      properties: { ['__proto__']: { type: 'string' } },
    });
    expect(type.kind === 'object' && Object.keys(type.properties)).toEqual(['__proto__']);
  });
});

describe('toJsonSchema', () => {
  const samples: readonly PortType[] = [
    ANY_TYPE,
    STRING_TYPE,
    INTEGER_TYPE,
    NULL_TYPE,
    arrayType(NUMBER_TYPE),
    enumType(['approved', 'denied']),
    enumType([1, 'x', null]),
    unionType([STRING_TYPE, NULL_TYPE]),
    objectType({ yaml_text: STRING_TYPE, note: BOOLEAN_TYPE }, ['yaml_text']),
    OPEN_OBJECT_TYPE,
    { ...objectType({ a: STRING_TYPE }), additionalProperties: false },
    { ...OPEN_OBJECT_TYPE, additionalProperties: INTEGER_TYPE },
  ];

  it.each(samples)('round-trips %o through fromJsonSchema', (type) => {
    expect(fromJsonSchema(toJsonSchema(type))).toEqual(type);
  });

  it('writes the schema a quick fix would add', () => {
    expect(toJsonSchema(objectType({ yaml_text: STRING_TYPE }))).toEqual({
      type: 'object',
      properties: { yaml_text: { type: 'string' } },
      required: ['yaml_text'],
    });
    expect(toJsonSchema(enumType(['a', 'b']))).toEqual({ type: 'string', enum: ['a', 'b'] });
  });
});
