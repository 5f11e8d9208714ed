import type { YamlValue } from './jsonValue';
import type { PortType } from './portType';
import {
  arrayType,
  BOOLEAN_TYPE,
  INTEGER_TYPE,
  NULL_TYPE,
  NUMBER_TYPE,
  STRING_TYPE,
} from './portType';
import { unionType } from './portTypeUnion';
import { isYamlList } from './yamlValueGuards';

/**
 * The type of a literal YAML value (e.g. a non-templated `input:`): scalars widen to their kind
 * (`"hi"` → string, `3` → integer), objects list every key as required, arrays unite their items.
 */
export function literalPortType(value: YamlValue): PortType {
  if (value === null) return NULL_TYPE;
  if (typeof value === 'string') return STRING_TYPE;
  if (typeof value === 'number') return Number.isInteger(value) ? INTEGER_TYPE : NUMBER_TYPE;
  if (typeof value === 'boolean') return BOOLEAN_TYPE;
  if (isYamlList(value)) return arrayType(unionType(value.map(literalPortType)));
  const properties = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, literalPortType(item)] as const),
  );
  return { kind: 'object', properties, required: Object.keys(properties) };
}
