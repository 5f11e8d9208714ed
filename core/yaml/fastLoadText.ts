import { decline } from './fastLoadDecline';

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;

/** The first offset at or after `from` that is not a space, a newline or a comment. */
export function skipToContent(text: string, from: number): number {
  let at = from;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === SPACE || c === NEWLINE) at += 1;
    else if (c === HASH) {
      const nl = text.indexOf('\n', at);
      at = nl === -1 ? text.length : nl + 1;
    } else return at;
  }
}

/** The 0-based column of an offset. */
export function column(text: string, at: number): number {
  return at - (text.lastIndexOf('\n', at - 1) + 1);
}

/** Moves `from` back over spaces and newlines, not below `floor`. */
export function trimBack(text: string, from: number, floor: number): number {
  let at = from;
  while (at > floor) {
    const c = text.charCodeAt(at - 1);
    if (c !== SPACE && c !== NEWLINE) break;
    at -= 1;
  }
  return at;
}

/** After a value on its line: spaces, an optional comment, the newline (or the end). */
export function lineEndAfter(text: string, valueEnd: number): number {
  let at = valueEnd;
  while (text.charCodeAt(at) === SPACE) at += 1;
  if (at === text.length) return at;
  const c = text.charCodeAt(at);
  if (c === HASH && at > valueEnd) {
    const nl = text.indexOf('\n', at);
    return nl === -1 ? text.length : nl + 1;
  }
  if (c !== NEWLINE) decline('content after a value');
  return at + 1;
}

/** Continuation lines of a multi-line scalar must be indented more than its collection. */
export function checkContinuationLines(
  text: string,
  start: number,
  end: number,
  indent: number,
): void {
  if (text.lastIndexOf('\n', end - 1) < start) return;
  const lines = text.slice(start, end).split('\n');
  for (const line of lines.slice(1)) {
    if (line.trim() !== '' && line.length - line.trimStart().length <= indent) {
      decline('under-indented continuation line');
    }
  }
}

/** Whether only spaces precede `at` on its line. */
export function atLineStart(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) === SPACE) i -= 1;
  return i === 0 || text.charCodeAt(i - 1) === NEWLINE;
}

/** The blank (or whitespace-only) lines from `from` up to the next content or comment. */
export function blankLinesAfter(text: string, from: number): string[] {
  const lines: string[] = [];
  let at = from;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl === -1 ? text.length : nl);
    if (line.trim() !== '') break;
    lines.push(line);
    at = nl === -1 ? text.length : nl + 1;
  }
  return lines;
}
