import { exprError } from './exprError';
import type { ExprError } from './exprError';
import { FILTER_USAGES, FILTERS, isFilterName } from './filters';
import type { FilterArgument } from './filters';
import type { AppliedFilter, Placeholder, TemplateAlternative } from './templateAst';
import { parseTemplatePath } from './templatePathParser';
import { trimRange } from './textRange';

const QUOTE_SINGLE = 39;
const QUOTE_DOUBLE = 34;
const OR_SEPARATOR = /\s+or\s+/y;
const FILTER_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses the inside of `{{ … }}` (`source[start, end)`): `alt or alt … | filter | filter(arg)`.
 * Pushes positioned errors and returns what could be parsed (bad parts are left out).
 */
export function parsePlaceholder(
  source: string,
  start: number,
  end: number,
  errors: ExprError[],
): Placeholder {
  const [basePiece, ...filterPieces] = splitOutside(source, start, end, 124);
  const alternatives = basePiece ? parseAlternatives(source, basePiece, errors) : [];
  const filters: AppliedFilter[] = [];
  for (const piece of filterPieces) {
    const filter = parseFilter(source, piece[0], piece[1], errors);
    if (filter) filters.push(filter);
  }
  return { alternatives, filters };
}

/** Splits at `separator` characters that are outside quotes and parentheses. */
function splitOutside(
  source: string,
  start: number,
  end: number,
  separator: number,
): [number, number][] {
  const parts: [number, number][] = [];
  let quote = 0;
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === QUOTE_SINGLE || code === QUOTE_DOUBLE) {
      quote = code;
    } else if (code === 40) {
      depth++;
    } else if (code === 41) {
      depth = Math.max(0, depth - 1);
    } else if (code === separator && depth === 0) {
      parts.push([from, i]);
      from = i + 1;
    }
  }
  parts.push([from, end]);
  return parts;
}

function splitOnOr(source: string, start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  let quote = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
      continue;
    }
    if (code === QUOTE_SINGLE || code === QUOTE_DOUBLE) {
      quote = code;
      continue;
    }
    OR_SEPARATOR.lastIndex = i;
    if (OR_SEPARATOR.test(source) && OR_SEPARATOR.lastIndex <= end) {
      parts.push([from, i]);
      from = OR_SEPARATOR.lastIndex;
      i = from - 1;
    }
  }
  parts.push([from, end]);
  return parts;
}

function parseAlternatives(
  source: string,
  [start, end]: [number, number],
  errors: ExprError[],
): TemplateAlternative[] {
  const [from, to] = trimRange(source, start, end);
  if (from === to) {
    const message =
      end < source.length && source[end] === '|'
        ? 'Missing a value before `|`; write `{{ path | filter }}`.'
        : 'Empty placeholder; write a path such as `{{ previous_step }}`, or `\\{{` for a literal `{{`.';
    errors.push(exprError('TEMPLATE-SYNTAX', message, start, end));
    return [];
  }
  const alternatives: TemplateAlternative[] = [];
  for (const [partStart, partEnd] of splitOnOr(source, from, to)) {
    const [s, e] = trimRange(source, partStart, partEnd);
    const text = source.slice(s, e);
    if (text === '' || text === 'or' || /^or\s/.test(text) || /\sor$/.test(text)) {
      errors.push(
        exprError('TEMPLATE-SYNTAX', "`or` needs a value on both sides: `{{ a or 'b' }}`.", s, e),
      );
      continue;
    }
    const alternative =
      text.startsWith("'") || text.startsWith('"')
        ? parseLiteral(source, s, e, errors)
        : parseTemplatePath(source, s, e, errors);
    if (alternative) alternatives.push(alternative);
  }
  return alternatives;
}

function parseLiteral(
  source: string,
  start: number,
  end: number,
  errors: ExprError[],
): TemplateAlternative | undefined {
  const quote = source[start] ?? "'";
  const closing = source.indexOf(quote, start + 1);
  if (closing === -1 || closing >= end) {
    errors.push(
      exprError('TEMPLATE-SYNTAX', `Unterminated literal; close it with ${quote}.`, start, end),
    );
    return undefined;
  }
  if (closing !== end - 1) {
    const message = `Unexpected \`${source.slice(closing + 1, end).trim()}\` after the literal; separate fallbacks with \` or \`.`;
    errors.push(exprError('TEMPLATE-SYNTAX', message, closing + 1, end));
    return undefined;
  }
  return { kind: 'literal', value: source.slice(start + 1, closing), start, end };
}

function parseFilter(
  source: string,
  start: number,
  end: number,
  errors: ExprError[],
): AppliedFilter | undefined {
  const [from, to] = trimRange(source, start, end);
  const text = source.slice(from, to);
  if (text === '') {
    const message =
      source[start - 2] === '|' || source[end] === '|'
        ? "`||` is not an operator; write fallbacks with ` or `: `{{ a or 'b' }}`."
        : 'Missing a filter name after `|`.';
    errors.push(exprError('TEMPLATE-SYNTAX', message, start - 1, end));
    return undefined;
  }
  const name = FILTER_NAME.exec(text)?.[0];
  if (name === undefined) {
    const message = `Expected a filter name after \`|\`, found \`${text}\`; available filters: ${FILTER_USAGES}.`;
    errors.push(exprError('TEMPLATE-FILTER', message, from, to));
    return undefined;
  }
  const nameEnd = from + name.length;
  if (!isFilterName(name)) {
    const message = `Unknown filter \`${name}\`; available filters: ${FILTER_USAGES}.`;
    errors.push(exprError('TEMPLATE-FILTER', message, from, nameEnd));
    return undefined;
  }
  const spec = FILTERS[name];
  const [restStart, restEnd] = trimRange(source, nameEnd, to);
  if (restStart === restEnd) {
    if (!spec.takesArgument) return { name, argument: null, start: from, end: nameEnd };
    const message = `Filter \`${name}\` needs an argument: \`${spec.usage}\`.`;
    errors.push(exprError('TEMPLATE-FILTER', message, from, nameEnd));
    return undefined;
  }
  if (source[restStart] !== '(' || source[restEnd - 1] !== ')') {
    const message = `Unexpected \`${source.slice(restStart, restEnd)}\` after filter \`${name}\`; chain filters with \`|\`.`;
    errors.push(exprError('TEMPLATE-SYNTAX', message, restStart, restEnd));
    return undefined;
  }
  if (!spec.takesArgument) {
    const message = `Filter \`${name}\` takes no argument; write \`${spec.usage}\`.`;
    errors.push(exprError('TEMPLATE-FILTER', message, from, restEnd));
    return undefined;
  }
  const argument = parseFilterArgument(source, restStart + 1, restEnd - 1, spec.usage, errors);
  return argument === undefined ? undefined : { name, argument, start: from, end: nameEnd };
}

function parseFilterArgument(
  source: string,
  start: number,
  end: number,
  usage: string,
  errors: ExprError[],
): FilterArgument | undefined {
  const [from, to] = trimRange(source, start, end);
  const text = source.slice(from, to);
  const quote = text[0];
  if (
    (quote === "'" || quote === '"') &&
    text.length >= 2 &&
    text.indexOf(quote, 1) === text.length - 1
  ) {
    return text.slice(1, -1);
  }
  if (NUMBER.test(text)) return Number(text);
  if (text === 'True' || text === 'true') return true;
  if (text === 'False' || text === 'false') return false;
  if (text === 'None' || text === 'null') return null;
  const message = `Filter arguments must be one quoted literal, e.g. \`${usage}\`.`;
  errors.push(
    exprError('TEMPLATE-FILTER', message, from === to ? start - 1 : from, Math.max(to, end + 1)),
  );
  return undefined;
}
