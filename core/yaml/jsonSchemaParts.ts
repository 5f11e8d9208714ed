/** A JSON value, as JSON Schema documents are made of. */
export type JsonNode =
  string | number | boolean | null | readonly JsonNode[] | { readonly [key: string]: JsonNode };

/** A JSON Schema (draft-07) object. */
export type JsonSchema = { readonly [key: string]: JsonNode };

/** `$ref` to a definition of the pipeline schema. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/** A string field with a description. */
export const str = (description: string): JsonSchema => ({ type: 'string', description });

/** A boolean field with a description. */
export const bool = (description: string): JsonSchema => ({ type: 'boolean', description });

/** A number field; numeric strings are accepted because Flujo (pydantic) coerces them. */
export const num = (description: string, integer = false): JsonSchema => ({
  description,
  anyOf: [
    { type: integer ? 'integer' : 'number' },
    { type: 'string', pattern: '^\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?\\s*$' },
  ],
});

/** A string restricted to some values. */
export const oneOfStrings = (description: string, values: readonly string[]): JsonSchema => ({
  type: 'string',
  enum: values,
  description,
});

/** A list of strings. */
export const strList = (description: string): JsonSchema => ({
  type: 'array',
  items: { type: 'string' },
  description,
});

/** A mapping that also keeps keys it does not know (Flujo ignores them, the studio keeps them). */
export const openObject = (
  description: string,
  properties: Readonly<Record<string, JsonSchema>>,
  required: readonly string[] = [],
): JsonSchema => ({
  type: 'object',
  description,
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: true,
});

/** Any YAML value, documented. */
export const anyValue = (description: string): JsonSchema => ({ description });
