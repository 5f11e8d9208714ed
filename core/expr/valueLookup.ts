/** Keys that, right after `steps.<name>`, mean the step's output itself (Flujo's step proxy). */
export const STEP_OUTPUT_ALIASES: ReadonlySet<string> = new Set(['output', 'result', 'value']);

/** True when `value` is a dict-like object whose own key `key` exists (arrays are not dicts). */
export function hasMember(value: unknown, key: string): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (value instanceof Map) return value.has(key);
  return Object.hasOwn(value, key);
}

/**
 * Reads `key` from a dict-like value (own keys only, never the prototype chain); anything else,
 * including a missing key, a list or a primitive, gives `undefined` (Python's None).
 */
export function getMember(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (value instanceof Map) return value.get(key) as unknown;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Reads item `index` of a list (negative counts from the end); anything else gives `undefined`. */
export function getIndex(value: unknown, index: number): unknown {
  if (!Array.isArray(value)) return undefined;
  const position = index < 0 ? value.length + index : index;
  return position >= 0 && position < value.length ? (value[position] as unknown) : undefined;
}

/**
 * Reads `context.<key>`: the context's own key when present, else the output of the step named
 * `key` (Flujo's context proxy falls back to `steps.<key>`).
 */
export function getContextMember(context: unknown, steps: unknown, key: string): unknown {
  return hasMember(context, key) ? getMember(context, key) : getMember(steps, key);
}

/** True when `context.<key>` would fall back to the output of step `key`. */
export function isStepFallback(context: unknown, steps: unknown, key: string): boolean {
  return !hasMember(context, key) && hasMember(steps, key);
}
