/** The value at `path` (object keys and array indexes) inside parsed JSON, or undefined. */
export function jsonPath(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key] as unknown;
    } else {
      if (Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
      current = (current as Readonly<Record<string, unknown>>)[key];
    }
  }
  return current;
}
