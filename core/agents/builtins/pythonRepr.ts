/**
 * Python's `str(x)` for JSON-like values: strings as they are, everything else as `repr`
 * (`None`, `True`, `[1, 'a']`, `{'k': None}`). JavaScript cannot tell `3.0` from `3`, so an
 * integral number below 1e16 prints as a Python int; other numbers print as Python floats
 * (`0.1`, `1e-05`, `1.5e+16`).
 */
export function pythonStringify(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

/** Python's `repr(x)` for JSON-like values (strings quoted the way Python quotes them). */
export function pythonRepr(value: unknown): string {
  return write(value, []);
}

function write(value: unknown, ancestors: unknown[]): string {
  switch (typeof value) {
    case 'string':
      return reprString(value);
    case 'number':
      return reprNumber(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return value.toString();
    case 'undefined':
      return 'None';
    case 'function':
    case 'symbol':
      return 'None';
    case 'object':
      return value === null ? 'None' : writeObject(value, ancestors);
  }
}

function writeObject(value: object, ancestors: unknown[]): string {
  if (value instanceof Date) return reprString(value.toISOString());
  // Python prints a self-containing list as `[...]`.
  if (ancestors.includes(value)) return Array.isArray(value) ? '[...]' : '{...}';
  ancestors.push(value);
  let text: string;
  if (Array.isArray(value)) {
    text =
      '[' + (value as readonly unknown[]).map((item) => write(item, ancestors)).join(', ') + ']';
  } else if (value instanceof Map) {
    const parts: string[] = [];
    for (const [key, item] of value as Map<unknown, unknown>) {
      parts.push(write(key, ancestors) + ': ' + write(item, ancestors));
    }
    text = '{' + parts.join(', ') + '}';
  } else {
    const entries = Object.entries(value);
    text =
      '{' +
      entries
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => reprString(key) + ': ' + write(item, ancestors))
        .join(', ') +
      '}';
  }
  ancestors.pop();
  return text;
}

/** Python's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
function reprNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  // Integral values print as ints; from 1e16 on they are beyond exact integers, so floats.
  if (Number.isInteger(value) && Math.abs(value) < 1e16)
    return Object.is(value, -0) ? '0' : String(value);
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Python's string repr: single quotes unless the text has a `'` and no `"`. */
function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    const escaped = ESCAPES[char];
    if (escaped !== undefined) body += escaped;
    else if (char === quote) body += '\\' + quote;
    else body += isPrintable(char) ? char : escapeCodePoint(char);
  }
  return quote + body + quote;
}

function isPrintable(char: string): boolean {
  // Python treats control, separator (except space) and unassigned characters as unprintable.
  return char === ' ' || !/^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u.test(char);
}

function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return '\\x' + code.toString(16).padStart(2, '0');
  if (code <= 0xffff) return '\\u' + code.toString(16).padStart(4, '0');
  return '\\U' + code.toString(16).padStart(8, '0');
}
