import type { SourcePosition } from '../model';
import type { SourceMapper } from './sourceRanges';

/** Start offsets of every line of `text` (0, then one past each `\n`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let at = text.indexOf('\n');
  while (at !== -1) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return starts;
}

/**
 * A `SourceMapper` over a precomputed line-start table (binary search per offset): the same
 * positions as a `LineCounter` filled by the `yaml` parser for a text it parsed without errors.
 */
export function createLineTableMapper(text: string): SourceMapper {
  const starts = lineStarts(text);
  const textLength = text.length;
  const position = (offset: number): SourcePosition => {
    const clamped = Math.min(Math.max(0, Number.isFinite(offset) ? offset : 0), textLength);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    const column = clamped - (starts[low] ?? 0) + 1;
    return { line: low + 1, column, offset: clamped };
  };
  return {
    textLength,
    position,
    range: (start, end) => ({ start: position(start), end: position(end) }),
  };
}
