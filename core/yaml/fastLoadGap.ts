/** The blank and comment lines between a block collection's last value and the next content. */
export interface Gap {
  /** Where the last value's node ends once more-indented comments right after it join it. */
  readonly absorbedEnd: number;
  /** Columns of the comment lines left after those (in a trailing "item" of the collection). */
  readonly commentColumns: readonly number[];
  /** Column of the next content, or -1 at the end of the text. */
  readonly nextColumn: number;
  /** Offset of the next content (after its indentation), or the text length. */
  readonly end: number;
}

/**
 * Scans the lines after `from` (a line start) the way the `yaml` parser assigns them: comment lines
 * more indented than `absorbIndent` right after the value join it (-1: the value cannot take them).
 */
export function scanGap(text: string, from: number, absorbIndent: number): Gap {
  let at = from;
  let absorbedEnd = from;
  const commentColumns: number[] = [];
  while (at < text.length) {
    let i = at;
    while (text.charCodeAt(i) === 32) i += 1;
    const nl = text.indexOf('\n', i);
    const lineEnd = nl === -1 ? text.length : nl + 1;
    if (i >= text.length || text[i] === '\n') {
      at = lineEnd;
      continue;
    }
    if (text[i] !== '#') return { absorbedEnd, commentColumns, nextColumn: i - at, end: i };
    const column = i - at;
    if (absorbIndent >= 0 && commentColumns.length === 0 && column > absorbIndent) {
      absorbedEnd = lineEnd;
    } else {
      commentColumns.push(column);
    }
    at = lineEnd;
  }
  return { absorbedEnd, commentColumns, nextColumn: -1, end: text.length };
}

/**
 * Which enclosing block collection (0 = innermost; `indents` innermost first) keeps the gap's
 * trailing comments as its own (its `range[2]` reaches `gap.end`), or -1 when none does: a
 * collection that ends here keeps them when one is at least as indented as its items.
 */
export function trailingCommentLevel(gap: Gap, indents: readonly number[]): number {
  if (gap.commentColumns.length === 0) return -1;
  for (let level = 0; level < indents.length; level += 1) {
    const indent = indents[level] ?? 0;
    if (indent <= gap.nextColumn) return -1;
    if (indent !== 0 && gap.commentColumns.some((column) => column >= indent)) return level;
  }
  return -1;
}
