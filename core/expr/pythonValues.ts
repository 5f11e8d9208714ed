import { toPythonJson } from './pythonJson';

/** True for Python's `None`: `null` or `undefined` (a missing value). */
export function isNone(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Python truthiness: None, False, 0, "", [] and {} are falsy; anything else is truthy. */
export function isTruthy(value: unknown): boolean {
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      return value !== 0;
    case 'string':
      return value.length > 0;
    case 'bigint':
      return value !== 0n;
    case 'undefined':
      return false;
    case 'object':
      if (value === null) return false;
      if (Array.isArray(value)) return value.length > 0;
      if (value instanceof Map || value instanceof Set) return value.size > 0;
      if (value instanceof Date) return true;
      return hasAnyKey(value);
    case 'function':
    case 'symbol':
      return true;
  }
}

function hasAnyKey(value: object): boolean {
  for (const key in value) {
    if (Object.hasOwn(value, key)) return true;
  }
  return false;
}

/**
 * Python's `str()` as Flujo templates see it: None → `None`, booleans → `True`/`False`, numbers as
 * JavaScript prints them, strings as is, lists and dicts as Python-style JSON.
 */
export function pythonStr(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return value.toString();
    case 'undefined':
      return 'None';
    case 'object':
      return value === null ? 'None' : toPythonJson(value);
    case 'function':
    case 'symbol':
      return toPythonJson(value);
  }
}

/** How a template placeholder prints its final value: None → "", otherwise `pythonStr`. */
export function renderValue(value: unknown): string {
  return typeof value === 'string' ? value : isNone(value) ? '' : pythonStr(value);
}

/** Python's `len()` for the `length` filter: strings in code points, lists, dicts; else 0. */
export function pythonLength(value: unknown): number {
  if (typeof value === 'string') return codePointLength(value);
  if (Array.isArray(value)) return value.length;
  if (value instanceof Map || value instanceof Set) return value.size;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return 0;
}

function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
