import type { JsonSchemaObject } from '../model';

type SchemaLike = Readonly<Record<string, unknown>>;

/**
 * Checks `value` against the JSON-Schema subset Flujo uses (type, properties, required, items, enum,
 * anyOf); returns what is wrong (with the path), or undefined when it matches.
 */
export function validateAgainstSchema(
  value: unknown,
  schema: JsonSchemaObject | SchemaLike,
): string | undefined {
  return check(value, schema, '$');
}

function check(value: unknown, schema: SchemaLike, at: string): string | undefined {
  const anyOf = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(anyOf)) {
    const options = anyOf.filter(
      (option): option is SchemaLike => typeof option === 'object' && option !== null,
    );
    if (options.length > 0 && options.every((option) => check(value, option, at) !== undefined)) {
      return `${at} matches none of the allowed shapes`;
    }
  }
  const enumValues = schema.enum;
  if (
    Array.isArray(enumValues) &&
    !enumValues.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))
  ) {
    return `${at} must be one of ${enumValues.map((allowed) => JSON.stringify(allowed)).join(', ')}`;
  }
  const type = schema.type;
  const types = Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
  if (types.length > 0 && !types.some((name) => hasType(value, name))) {
    return `${at} must be ${types.join(' or ')}, not ${describe(value)}`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Readonly<Record<string, unknown>>;
    const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
    for (const key of required) if (!Object.hasOwn(record, key)) return `${at}.${key} is required`;
    const properties = schema.properties;
    if (typeof properties === 'object' && properties !== null) {
      for (const [key, sub] of Object.entries(properties as Readonly<Record<string, unknown>>)) {
        if (!Object.hasOwn(record, key) || typeof sub !== 'object' || sub === null) continue;
        const problem = check(record[key], sub as SchemaLike, `${at}.${key}`);
        if (problem !== undefined) return problem;
      }
    }
  }
  if (Array.isArray(value) && typeof schema.items === 'object' && schema.items !== null) {
    for (const [index, item] of value.entries()) {
      const problem = check(item, schema.items as SchemaLike, `${at}[${String(index)}]`);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function hasType(value: unknown, name: string): boolean {
  switch (name) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
