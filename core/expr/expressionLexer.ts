import { exprError } from './exprError';
import type { ExprError } from './exprError';

/** What a token is. */
export type TokenKind = 'name' | 'number' | 'string' | 'operator' | 'end';

/** A token with its place in the text; `value` holds the decoded string or number. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string | number;
  readonly start: number;
  readonly end: number;
}

/** Result of tokenizing: the tokens (ending with an `end` token), or the first error. */
export type TokenizeResult =
  | { readonly ok: true; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly error: ExprError };

const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const DECIMAL = /(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/y;
const RADIX = /0(?:[xX][\da-fA-F_]+|[oO][0-7_]+|[bB][01_]+)/y;
const STRING_PREFIX = /^(?:[rRuU]|[fFbB]|[rR][bBfF]|[bBfF][rR])$/;
const OPERATORS: readonly string[] =
  '** // == != <= >= && || << >> -> := <> ( ) [ ] { } , . : ; + - * / % & | ^ ~ < > = ! @'.split(
    ' ',
  );
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Splits expression text into tokens; `{{ … }}` gets a specific "do not wrap" error. */
export function tokenize(source: string): TokenizeResult {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    if (/\s/.test(source.charAt(pos))) {
      pos++;
      continue;
    }
    const read = readToken(source, pos);
    if (!read.ok) return read;
    tokens.push(read.token);
    pos = read.token.end;
  }
  tokens.push({ kind: 'end', text: '', value: '', start: source.length, end: source.length });
  return { ok: true, tokens };
}

type TokenRead = { ok: true; token: Token } | { ok: false; error: ExprError };

function token(
  kind: TokenKind,
  source: string,
  start: number,
  end: number,
  value?: string | number,
): TokenRead {
  const text = source.slice(start, end);
  return { ok: true, token: { kind, text, value: value ?? text, start, end } };
}

function readToken(source: string, pos: number): TokenRead {
  const char = source.charAt(pos);
  if (char === '{' && source[pos + 1] === '{')
    return { ok: false, error: wrappedError(source, pos) };
  NAME.lastIndex = pos;
  const name = NAME.exec(source)?.[0];
  if (name !== undefined) {
    const quote = source[pos + name.length];
    if ((quote === "'" || quote === '"') && STRING_PREFIX.test(name)) {
      if (/[fFbB]/.test(name)) {
        const message = `Unsupported expression element: ${name}-string; write a plain string such as '…'.`;
        return {
          ok: false,
          error: exprError('EXPR-UNSUPPORTED', message, pos, pos + name.length + 1),
        };
      }
      return readString(source, pos, pos + name.length, /[rR]/.test(name));
    }
    return token('name', source, pos, pos + name.length);
  }
  if (char === "'" || char === '"') return readString(source, pos, pos, false);
  const number = readNumber(source, pos);
  if (number !== undefined) return number;
  const operator = OPERATORS.find((op) => source.startsWith(op, pos));
  if (operator === undefined) {
    const message = `Unexpected character \`${char}\`; expressions use Python syntax, e.g. \`previous_step == 'ok'\`.`;
    return { ok: false, error: exprError('EXPR-SYNTAX', message, pos, pos + 1) };
  }
  return token('operator', source, pos, pos + operator.length);
}

/** The error for `{{ x }}` inside an expression: expressions are written bare. */
export function wrappedError(source: string, pos: number): ExprError {
  const close = source.indexOf('}}', pos + 2);
  const end = close === -1 ? source.length : close + 2;
  const inner = source.slice(pos + 2, close === -1 ? source.length : close).trim() || 'x';
  const message = `Do not wrap expressions in {{ }}; write \`${inner}\` instead of \`{{ ${inner} }}\`.`;
  return exprError('EXPR-WRAPPED', message, pos, end);
}

function readNumber(source: string, pos: number): TokenRead | undefined {
  RADIX.lastIndex = pos;
  DECIMAL.lastIndex = pos;
  const radix = RADIX.exec(source)?.[0];
  const text = radix ?? DECIMAL.exec(source)?.[0];
  if (text === undefined) return undefined;
  const end = pos + text.length;
  const digits = text.replace(/_/g, '');
  const value = radix === undefined ? Number(digits) : Number(digits.toLowerCase());
  if (Number.isNaN(value) || /[\p{L}\p{N}_.]/u.test(source[end] ?? '') || text.endsWith('_')) {
    const message = `Invalid number \`${source.slice(pos, end + 1)}\`; write numbers like 3, 2.5 or 1e3.`;
    return {
      ok: false,
      error: exprError('EXPR-SYNTAX', message, pos, Math.min(end + 1, source.length)),
    };
  }
  return token('number', source, pos, end, value);
}

function readString(source: string, start: number, open: number, raw: boolean): TokenRead {
  const quoteChar = source.charAt(open);
  const triple = source.startsWith(quoteChar.repeat(3), open);
  const quote = triple ? quoteChar.repeat(3) : quoteChar;
  let value = '';
  let pos = open + quote.length;
  while (pos < source.length) {
    if (source.startsWith(quote, pos))
      return token('string', source, start, pos + quote.length, value);
    const char = source.charAt(pos);
    if (char === '\n' && !triple) break;
    if (char !== '\\') {
      value += char;
      pos++;
      continue;
    }
    const escaped = source.charAt(pos + 1);
    if (raw) {
      value += char + escaped;
      pos += 2;
      continue;
    }
    const decoded = decodeEscape(source, pos);
    value += decoded.text;
    pos = decoded.end;
  }
  const message = `Unterminated string; close it with ${quote}.`;
  return { ok: false, error: exprError('EXPR-SYNTAX', message, start, source.length) };
}

function decodeEscape(source: string, pos: number): { text: string; end: number } {
  const escaped = source.charAt(pos + 1);
  const simple = Object.hasOwn(SIMPLE_ESCAPES, escaped) ? SIMPLE_ESCAPES[escaped] : undefined;
  if (simple !== undefined) return { text: simple, end: pos + 2 };
  const width = escaped === 'x' ? 2 : escaped === 'u' ? 4 : escaped === 'U' ? 8 : 0;
  const hex = source.slice(pos + 2, pos + 2 + width);
  if (width > 0 && hex.length === width && /^[\da-fA-F]+$/.test(hex)) {
    const code = parseInt(hex, 16);
    if (code <= 0x10ffff) return { text: String.fromCodePoint(code), end: pos + 2 + width };
  }
  const octal = /^[0-7]{1,3}/.exec(source.slice(pos + 1, pos + 4))?.[0];
  if (octal !== undefined)
    return { text: String.fromCharCode(parseInt(octal, 8)), end: pos + 1 + octal.length };
  return { text: '\\' + escaped, end: pos + (escaped === '' ? 1 : 2) };
}
