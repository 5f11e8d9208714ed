/** Returns the first and one-past-last non-whitespace offsets of `source[start, end)`. */
export function trimRange(source: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && isSpace(source.charCodeAt(from))) from++;
  while (to > from && isSpace(source.charCodeAt(to - 1))) to--;
  return [from, to];
}

/** True for the whitespace characters templates and expressions skip. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
}
