/** Splits a dotted context path (`a.b.c`, an optional leading `context.` dropped) into segments. */
export function contextPathSegments(path: string): readonly string[] {
  const trimmed = path.trim();
  const body = trimmed.startsWith('context.') ? trimmed.slice('context.'.length) : trimmed;
  return body === '' ? [] : body.split('.');
}

/** True for a plain dict (not an array, not null). */
export function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a dotted path from a dict; `undefined` when a segment is missing. */
export function readPath(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (!isDict(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}
