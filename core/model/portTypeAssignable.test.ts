import { describe, expect, it } from 'vitest';
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
import { isAssignable } from './portTypeAssignable';
import { describePortType } from './describePortType';
import { unionType } from './portTypeUnion';

const yamlTexts = objectType({ yaml_text: STRING_TYPE, generated_yaml: STRING_TYPE });
const needsYamlText = objectType({ yaml_text: STRING_TYPE });
const optionalNote = objectType({ yaml_text: STRING_TYPE, note: STRING_TYPE }, ['yaml_text']);
const closed: PortType = { ...needsYamlText, additionalProperties: false };
const numbersOnly: PortType = { ...OPEN_OBJECT_TYPE, additionalProperties: NUMBER_TYPE };
const approval = enumType(['approved', 'denied']);

const table: readonly (readonly [PortType, PortType, boolean])[] = [
  [ANY_TYPE, STRING_TYPE, true],
  [STRING_TYPE, ANY_TYPE, true],
  [yamlTexts, ANY_TYPE, true],
  [STRING_TYPE, STRING_TYPE, true],
  [STRING_TYPE, NUMBER_TYPE, false],
  [INTEGER_TYPE, NUMBER_TYPE, true],
  [NUMBER_TYPE, INTEGER_TYPE, false],
  [BOOLEAN_TYPE, STRING_TYPE, false],
  [NULL_TYPE, NULL_TYPE, true],
  [NULL_TYPE, OPEN_OBJECT_TYPE, false],
  [STRING_TYPE, OPEN_OBJECT_TYPE, false],
  [yamlTexts, needsYamlText, true],
  [needsYamlText, yamlTexts, false],
  [objectType({ yaml_text: STRING_TYPE }, []), needsYamlText, true],
  [objectType({ yaml_text: NUMBER_TYPE }), needsYamlText, false],
  [objectType({ other: STRING_TYPE }), optionalNote, false],
  [objectType({ yaml_text: STRING_TYPE, note: NUMBER_TYPE }), optionalNote, false],
  [needsYamlText, optionalNote, true],
  [OPEN_OBJECT_TYPE, yamlTexts, true],
  [yamlTexts, closed, false],
  [needsYamlText, closed, true],
  [objectType({ a: INTEGER_TYPE }), numbersOnly, true],
  [objectType({ a: STRING_TYPE }), numbersOnly, false],
  [arrayType(INTEGER_TYPE), arrayType(NUMBER_TYPE), true],
  [arrayType(STRING_TYPE), arrayType(NUMBER_TYPE), false],
  [arrayType(STRING_TYPE), STRING_TYPE, false],
  [approval, STRING_TYPE, true],
  [approval, enumType(['approved', 'denied', 'maybe']), true],
  [enumType(['approved', 'maybe']), approval, false],
  [STRING_TYPE, approval, false],
  [enumType([1, 2]), INTEGER_TYPE, true],
  [enumType([1.5]), INTEGER_TYPE, false],
  [enumType([null, 'x']), unionType([STRING_TYPE, NULL_TYPE]), true],
  [enumType(['a', 'b']), unionType([enumType(['a']), enumType(['b'])]), true],
  [unionType([STRING_TYPE, INTEGER_TYPE]), unionType([STRING_TYPE, NUMBER_TYPE]), true],
  [unionType([STRING_TYPE, NULL_TYPE]), STRING_TYPE, false],
  [STRING_TYPE, unionType([NUMBER_TYPE, STRING_TYPE]), true],
  [BOOLEAN_TYPE, unionType([NUMBER_TYPE, STRING_TYPE]), false],
];

const rows = table.map(
  ([from, to, expected]) =>
    [describePortType(from), describePortType(to), expected, from, to] as const,
);

describe('isAssignable', () => {
  it.each(rows)('%s → %s: %s', (_fromText, _toText, expected, from, to) => {
    expect(isAssignable(from, to)).toBe(expected);
  });
});
