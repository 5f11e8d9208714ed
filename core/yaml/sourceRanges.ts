import type { LineCounter, Pair } from 'yaml';
import { isNode } from 'yaml';

import type { SourcePosition, SourceRange } from '../model';

/** Turns offsets of one text into 1-based line/column positions (clamped to the text). */
export interface SourceMapper {
  readonly textLength: number;
  position(offset: number): SourcePosition;
  range(start: number, end: number): SourceRange;
}

/** A `SourceMapper` over the `LineCounter` that was filled while parsing `text`. */
export function createSourceMapper(text: string, lineCounter: LineCounter): SourceMapper {
  const textLength = text.length;
  const position = (offset: number): SourcePosition => {
    const clamped = Math.min(Math.max(0, Number.isFinite(offset) ? offset : 0), textLength);
    const { line, col } = lineCounter.linePos(clamped);
    return { line: Math.max(1, line), column: Math.max(1, col), offset: clamped };
  };
  return {
    textLength,
    position,
    range: (start, end) => ({ start: position(start), end: position(end) }),
  };
}

/** The range of a parsed node's value (without trailing comments); undefined for created nodes. */
export function nodeRange(mapper: SourceMapper, node: unknown): SourceRange | undefined {
  if (!isNode(node) || node.range === undefined || node.range === null) return undefined;
  const [start, valueEnd] = node.range;
  return mapper.range(start, Math.max(start, valueEnd));
}

/** Start offset of a parsed node, the identity the printer uses to find it again. */
export function nodeOffset(node: unknown): number | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return node.range[0];
}

/** Range of a mapping pair's key, or of the pair's value when the key has no place. */
export function keyRange(mapper: SourceMapper, pair: Pair): SourceRange | undefined {
  return nodeRange(mapper, pair.key) ?? nodeRange(mapper, pair.value);
}
