/**
 * Writes `value` as JSON the way Python's `json.dumps` does by default (separators `', '` and
 * `': '`), keeping non-ASCII characters as they are. Missing values (`undefined`, functions) are
 * left out of objects and written as `null` in lists; non-finite numbers and cycles become `null`.
 */
export function toPythonJson(value: unknown): string {
  return write(value, []);
}

function write(value: unknown, ancestors: unknown[]): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      return value === null ? 'null' : writeObject(value, ancestors);
    case 'undefined':
    case 'function':
    case 'symbol':
      return 'null';
  }
}

function writeObject(value: object, ancestors: unknown[]): string {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'null' : JSON.stringify(value.toISOString());
  }
  if (ancestors.includes(value)) return 'null';
  ancestors.push(value);
  const text = Array.isArray(value) ? writeList(value, ancestors) : writeDict(value, ancestors);
  ancestors.pop();
  return text;
}

function writeList(list: readonly unknown[], ancestors: unknown[]): string {
  if (list.length === 0) return '[]';
  let text = '[';
  for (let i = 0; i < list.length; i++) {
    if (i > 0) text += ', ';
    text += write(list[i], ancestors);
  }
  return text + ']';
}

function writeDict(dict: object, ancestors: unknown[]): string {
  const entries: Iterable<readonly [unknown, unknown]> =
    dict instanceof Map ? dict.entries() : Object.entries(dict);
  let text = '';
  for (const [key, item] of entries) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    text += text === '' ? '{' : ', ';
    text += JSON.stringify(String(key)) + ': ' + write(item, ancestors);
  }
  return text === '' ? '{}' : text + '}';
}
