const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A branch/state key as a step-path segment: `.key`, or `["json string"]` for other keys. */
export function pathKey(key: string): string {
  return PLAIN_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Appends a list index: `steps` → `steps[2]`. */
export function pathIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Appends a fixed field name: `steps[2]` → `steps[2].loop.body`. */
export function pathField(path: string, field: string): string {
  return `${path}.${field}`;
}
