/** One `# flujo: ignore V-T1 V-P3` comment: where it is and the rule patterns it lists. */
export interface SuppressionComment {
  /** Offset of the `#` in the text. */
  readonly offset: number;
  /** 1-based line of the comment. */
  readonly line: number;
  readonly patterns: readonly string[];
}

const COMMENT = /#\s*flujo\s*:\s*ignore\b([^\r\n]*)/gi;

let lastText: string | undefined;
let lastComments: readonly SuppressionComment[] = [];

/** Whether the `#` at `offset` starts a YAML comment: after a blank, outside a quoted scalar. */
function isComment(text: string, lineStart: number, offset: number): boolean {
  if (offset > lineStart && !/\s/.test(text.charAt(offset - 1))) return false;
  let quote: string | undefined;
  for (let i = lineStart; i < offset; i++) {
    const char = text.charAt(i);
    if (quote === '"' && char === '\\') i++;
    else if (quote !== undefined && char === quote) quote = undefined;
    else if (quote === undefined && (char === '"' || char === "'")) quote = char;
  }
  return quote === undefined;
}

/**
 * The `# flujo: ignore …` comments of a YAML text (FLUJO-SPEC §9.1): rule ids or globs separated
 * by spaces or commas. The last text's answer is kept, since revalidation repeats the same text.
 */
export function readSuppressionComments(text: string): readonly SuppressionComment[] {
  if (text === lastText) return lastComments;
  const found: SuppressionComment[] = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(COMMENT)) {
    const offset = match.index;
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    if (!isComment(text, lineStart, offset)) continue;
    const patterns = (match[1] ?? '').split(/[\s,]+/).filter((pattern) => pattern !== '');
    if (patterns.length > 0) found.push({ offset, line, patterns });
  }
  lastText = text;
  lastComments = found;
  return found;
}
