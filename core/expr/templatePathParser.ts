import { exprError } from './exprError';
import type { ExprError } from './exprError';
import type { TemplatePath } from './templateAst';
import { isSpace } from './textRange';

const ROOT = /^[\p{L}_][\p{L}\p{N}_]*/u;
const SEGMENT = /^[\p{L}\p{N}_-]+/u;

/**
 * Parses `source[start, end)` (already trimmed) as a dotted path `root.segment.segment`; pushes a
 * positioned `TEMPLATE-SYNTAX` error and returns undefined when it is not one.
 */
export function parseTemplatePath(
  source: string,
  start: number,
  end: number,
  errors: ExprError[],
): TemplatePath | undefined {
  const text = source.slice(start, end);
  const root = ROOT.exec(text)?.[0];
  if (root === undefined) {
    errors.push(unexpected(text, 0, start, end));
    return undefined;
  }
  const segments: string[] = [];
  let pos = root.length;
  while (pos < text.length) {
    if (text[pos] !== '.') {
      errors.push(unexpected(text, pos, start, end));
      return undefined;
    }
    const segment = SEGMENT.exec(text.slice(pos + 1))?.[0];
    if (segment === undefined) {
      const at = start + pos;
      errors.push(
        exprError('TEMPLATE-SYNTAX', `Missing a name after \`.\` in \`${text}\`.`, at, at + 1),
      );
      return undefined;
    }
    segments.push(segment);
    pos += 1 + segment.length;
  }
  return { kind: 'path', root, segments, start, end };
}

function unexpected(text: string, pos: number, start: number, end: number): ExprError {
  const at = start + pos;
  const char = text[pos] ?? '';
  return exprError(
    'TEMPLATE-SYNTAX',
    explainUnexpected(text, pos, char),
    at,
    pos === 0 ? end : at + 1,
  );
}

function explainUnexpected(text: string, pos: number, char: string): string {
  if (isSpace(char.charCodeAt(0))) {
    const rest = text.slice(pos).trimStart();
    const hint = explainCharacter(rest.charAt(0));
    if (hint !== undefined) return hint;
    const word = rest.split(/\s/)[0] ?? '';
    return `Unexpected \`${word}\` after \`${text.slice(0, pos)}\`; separate fallbacks with \` or \` and filters with \`|\`.`;
  }
  const hint = explainCharacter(char);
  if (hint !== undefined) return hint;
  if (pos === 0 && /\d/.test(char)) {
    return `Write literals in quotes: \`'${text}'\`.`;
  }
  return `Unexpected \`${char}\` in \`${text}\`; expected a dotted path such as \`context.name\`, a quoted literal, \` or \`, or \`| filter\`.`;
}

function explainCharacter(char: string): string | undefined {
  if (char === '') return undefined;
  if (char === '[') {
    return 'Templates have no `[ ]` indexing; use a dotted path such as `context.items`, or `{{#each}}` to go through a list.';
  }
  if (char === '(') {
    return 'Templates have no function calls; use a filter instead, e.g. `{{ value | length }}`.';
  }
  if ('+-*/%'.includes(char)) {
    return 'Templates have no arithmetic; compute the value in a step and reference its output.';
  }
  if ('=!<>'.includes(char)) {
    return 'Templates have no comparisons; use `{{#if path}}…{{/if}}` (truthiness), or a `condition_expression`.';
  }
  return undefined;
}
