import type { CompareOperator } from './expressionAst';
import { assertNever } from '../model/assertNever';
import { isNone } from './pythonValues';

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Applies one comparison the way Flujo's expressions do: numeric-looking strings are compared as
 * numbers, ordering mismatched types is False, and `in` against None is False.
 */
export function compareValues(operator: CompareOperator, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return pythonEquals(left, right);
    case '!=':
      return !pythonEquals(left, right);
    case '<':
      return pythonOrder(left, right) < 0;
    case '<=':
      return pythonOrder(left, right) <= 0;
    case '>':
      return pythonOrder(left, right) > 0;
    case '>=':
      return pythonOrder(left, right) >= 0;
    case 'in':
      return pythonContains(right, left);
    case 'not in':
      return !pythonContains(right, left);
    default:
      return assertNever(operator);
  }
}

/** Turns a numeric-looking string (`"42"`, `" 2.5 "`) into its number; anything else is returned as is. */
export function coerceNumeric(value: unknown): unknown {
  if (typeof value !== 'string' || value.length === 0) return value;
  const code = value.charCodeAt(0);
  const maybeNumeric =
    (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46 || code <= 32;
  return maybeNumeric && NUMERIC.test(value) ? Number(value) : value;
}

/** Python `==` after numeric coercion; bools equal 0/1, lists and dicts compare by content. */
export function pythonEquals(left: unknown, right: unknown): boolean {
  const a = coerceNumeric(left);
  const b = coerceNumeric(right);
  if (a === b) return true;
  if (isNone(a) || isNone(b)) return isNone(a) && isNone(b);
  const typeA = typeof a;
  const typeB = typeof b;
  if ((typeA === 'number' || typeA === 'boolean') && (typeB === 'number' || typeB === 'boolean')) {
    return Number(a) === Number(b);
  }
  if (typeA !== 'object' || typeB !== 'object') return false;
  if (Array.isArray(a)) return Array.isArray(b) && listsEqual(a, b);
  if (Array.isArray(b) || a instanceof Map || b instanceof Map) return false;
  return dictsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

function listsEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!pythonEquals(a[i], b[i])) return false;
  }
  return true;
}

function dictsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !pythonEquals(a[key], b[key])) return false;
  }
  return true;
}

/**
 * Orders two values: negative, zero or positive, or NaN when Python could not order them (then
 * every ordering comparison is False). Numbers (and bools), strings, and lists of those order.
 */
export function pythonOrder(left: unknown, right: unknown): number {
  const a = coerceNumeric(left);
  const b = coerceNumeric(right);
  const typeA = typeof a;
  const typeB = typeof b;
  if ((typeA === 'number' || typeA === 'boolean') && (typeB === 'number' || typeB === 'boolean')) {
    return compareScalars(Number(a), Number(b));
  }
  if (typeof a === 'string' && typeof b === 'string') return compareScalars(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    const shared = Math.min(a.length, b.length);
    for (let i = 0; i < shared; i++) {
      if (!pythonEquals(a[i], b[i])) return pythonOrder(a[i], b[i]);
    }
    return a.length - b.length;
  }
  return NaN;
}

function compareScalars<T extends number | string>(a: T, b: T): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return a === b ? 0 : NaN;
}

/** Python `item in container` for strings (substring), lists, dicts (keys); None and others → False. */
export function pythonContains(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') return typeof item === 'string' && container.includes(item);
  if (Array.isArray(container)) {
    for (const element of container) {
      if (pythonEquals(element, item)) return true;
    }
    return false;
  }
  if (container instanceof Map) return container.has(item);
  if (typeof container === 'object' && container !== null) {
    return typeof item === 'string' && Object.hasOwn(container, item);
  }
  return false;
}
