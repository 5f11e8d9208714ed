import type { JsonSchemaObject } from '../../model/stepConfig';

/** The schema sent to the provider and whether replies are wrapped as `{ value: … }`. */
export interface WireSchema {
  readonly schema: Readonly<Record<string, unknown>>;
  readonly wrapped: boolean;
}

function isObjectSchema(schema: Readonly<Record<string, unknown>>): boolean {
  const type = schema.type;
  if (type === 'object') return true;
  if (type === undefined) return schema.properties !== undefined;
  return false;
}

/**
 * Providers want an object at the root; like Flujo, a primitive or array `output_schema` becomes an
 * object with a single `value` field, unwrapped again by `unwrapOutput`.
 */
export function toWireSchema(schema: JsonSchemaObject): WireSchema {
  const plain = schema as Readonly<Record<string, unknown>>;
  if (isObjectSchema(plain)) return { schema: plain, wrapped: false };
  return {
    schema: { type: 'object', properties: { value: plain }, required: ['value'] },
    wrapped: true,
  };
}

/** The agent's output from a parsed reply: `value` of a wrapped reply (tolerating a bare value). */
export function unwrapOutput(parsed: unknown, wire: WireSchema): unknown {
  if (!wire.wrapped) return parsed;
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    'value' in parsed
  ) {
    return (parsed as { readonly value: unknown }).value;
  }
  return parsed;
}
