import type { YamlValue } from './jsonValue';
import type { LiteralValue, PortType } from './portType';
import type { JsonSchemaObject } from './stepConfig';
import { assertNever } from './assertNever';
import {
  ANY_TYPE,
  arrayType,
  BOOLEAN_TYPE,
  enumType,
  INTEGER_TYPE,
  NULL_TYPE,
  NUMBER_TYPE,
  STRING_TYPE,
} from './portType';
import { unionType } from './portTypeUnion';
import type { YamlMapping } from './yamlValueGuards';
import { isYamlList, isYamlMapping } from './yamlValueGuards';

function isLiteral(value: YamlValue | undefined): value is LiteralValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function objectFromSchema(schema: YamlMapping): PortType {
  const declared = schema.properties;
  const properties = isYamlMapping(declared)
    ? Object.fromEntries(
        Object.entries(declared).map(([name, sub]) => [name, fromJsonSchema(sub)] as const),
      )
    : {};
  const requiredList = schema.required;
  const required = isYamlList(requiredList)
    ? requiredList.filter((name): name is string => typeof name === 'string')
    : [];
  const additional = schema.additionalProperties;
  if (additional === false) {
    return { kind: 'object', properties, required, additionalProperties: false };
  }
  if (isYamlMapping(additional)) {
    return {
      kind: 'object',
      properties,
      required,
      additionalProperties: fromJsonSchema(additional),
    };
  }
  return { kind: 'object', properties, required };
}

function arrayFromSchema(schema: YamlMapping): PortType {
  const items = schema.items ?? schema.prefixItems;
  if (isYamlMapping(items)) return arrayType(fromJsonSchema(items));
  if (isYamlList(items) && items.length > 0) return arrayType(unionType(items.map(fromJsonSchema)));
  return arrayType(ANY_TYPE);
}

function typeNamed(name: YamlValue, schema: YamlMapping): PortType {
  if (typeof name !== 'string') return ANY_TYPE;
  switch (name) {
    case 'string':
      return STRING_TYPE;
    case 'number':
      return NUMBER_TYPE;
    case 'integer':
      return INTEGER_TYPE;
    case 'boolean':
      return BOOLEAN_TYPE;
    case 'null':
      return NULL_TYPE;
    case 'object':
      return objectFromSchema(schema);
    case 'array':
      return arrayFromSchema(schema);
    default:
      return ANY_TYPE;
  }
}

function typeFromKeywords(schema: YamlMapping): PortType {
  if (Object.hasOwn(schema, 'const')) {
    const value = schema.const;
    return isLiteral(value) ? enumType([value]) : ANY_TYPE;
  }
  const values = schema.enum;
  if (isYamlList(values)) {
    return values.length > 0 && values.every(isLiteral) ? enumType(values) : ANY_TYPE;
  }
  for (const keyword of ['anyOf', 'oneOf']) {
    const members = schema[keyword];
    if (isYamlList(members) && members.length > 0) return unionType(members.map(fromJsonSchema));
  }
  const allOf = schema.allOf;
  if (isYamlList(allOf) && allOf.length === 1) return fromJsonSchema(allOf[0]);
  const type = schema.type;
  if (isYamlList(type)) return unionType(type.map((name) => typeNamed(name, schema)));
  if (type !== undefined) return typeNamed(type, schema);
  if (isYamlMapping(schema.properties)) return objectFromSchema(schema);
  if (schema.items !== undefined) return arrayFromSchema(schema);
  return ANY_TYPE;
}

/**
 * The port type a JSON Schema describes. Anything missing, unknown or not understood is `any`
 * (untyped never causes a mismatch); `type: [a, b]`, `anyOf` and `oneOf` become unions; `enum` and
 * `const` become enums; `nullable: true` adds null.
 */
export function fromJsonSchema(schema: YamlValue | undefined): PortType {
  if (!isYamlMapping(schema)) return ANY_TYPE;
  const type = typeFromKeywords(schema);
  return schema.nullable === true ? unionType([type, NULL_TYPE]) : type;
}

function enumSchema(values: readonly LiteralValue[]): JsonSchemaObject {
  const kinds = new Set(values.map((value) => (value === null ? 'null' : typeof value)));
  const [only] = kinds;
  if (kinds.size === 1 && only && only !== 'null') return { type: only, enum: values };
  return { enum: values };
}

/** A JSON Schema for `type`, as the "add input_schema/output_schema" quick fix writes it. */
export function toJsonSchema(type: PortType): JsonSchemaObject {
  switch (type.kind) {
    case 'any':
      return {};
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
      return { type: type.kind };
    case 'array':
      return { type: 'array', items: toJsonSchema(type.items) };
    case 'enum':
      return enumSchema(type.values);
    case 'anyOf':
      return { anyOf: type.members.map(toJsonSchema) };
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(type.properties).map(([name, sub]) => [name, toJsonSchema(sub)] as const),
      );
      const schema: Record<string, YamlValue> = { type: 'object', properties };
      if (type.required.length > 0) schema.required = type.required;
      const additional = type.additionalProperties;
      if (additional !== undefined) {
        schema.additionalProperties =
          typeof additional === 'boolean' ? additional : toJsonSchema(additional);
      }
      return schema;
    }
    default:
      return assertNever(type);
  }
}
