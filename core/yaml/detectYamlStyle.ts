import type { Document, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';

/** Formatting conventions of a YAML file, applied to the parts the printer rewrites. */
export interface YamlStyle {
  /** Spaces per nesting level of block mappings. */
  readonly indent: number;
  /** Whether block lists are indented under their key (`key:\n  - a`) or not (`key:\n- a`). */
  readonly indentSeq: boolean;
  /** Whether quoted strings use single quotes. */
  readonly singleQuote: boolean;
  /** Whether flow collections have inner spaces: `[ a ]` rather than `[a]`. */
  readonly flowCollectionPadding: boolean;
  /** The file's dominant line ending. */
  readonly lineEnding: '\n' | '\r\n';
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function mostCommon(votes: Map<number, number>, fallback: number): number {
  let best = fallback;
  let bestCount = 0;
  for (const [value, count] of votes) {
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Reads indentation, list indentation, quote and flow-spacing habits from a parsed file. */
export function detectYamlStyle(text: string, doc: Document): YamlStyle {
  const indents = new Map<number, number>();
  let seqIndented = 0;
  let seqFlush = 0;
  let single = 0;
  let double = 0;
  const padding = { seq: { padded: 0, tight: 0 }, map: { padded: 0, tight: 0 } };
  const pairVote = (pair: Pair): void => {
    const key = pair.key;
    const value = pair.value;
    if (!isScalar(key) || !key.range || !isCollection(value) || value.flow || !value.range) return;
    const keyColumn = columnOf(text, key.range[0]);
    const valueColumn = columnOf(text, value.range[0]);
    if (isMap(value) && valueColumn > keyColumn) {
      const step = valueColumn - keyColumn;
      if (step <= 8) indents.set(step, (indents.get(step) ?? 0) + 1);
    } else if (isSeq(value)) {
      if (valueColumn > keyColumn) seqIndented += 1;
      else seqFlush += 1;
    }
  };
  const flowVote = (node: YAMLMap | YAMLSeq): void => {
    if (!node.flow || !node.range || node.items.length === 0) return;
    const votes = isSeq(node) ? padding.seq : padding.map;
    const next = text[node.range[0] + 1];
    if (next === ' ') votes.padded += 1;
    else if (next !== '\n' && next !== '\r') votes.tight += 1;
  };
  // A plain recursive walk (every node, not into aliases): `visit` costs several times more.
  const walk = (node: unknown): void => {
    if (isScalar(node)) {
      if (node.type === 'QUOTE_SINGLE') single += 1;
      if (node.type === 'QUOTE_DOUBLE') double += 1;
    } else if (isPair(node)) {
      pairVote(node);
      walk(node.key);
      walk(node.value);
    } else if (isMap(node) || isSeq(node)) {
      flowVote(node);
      for (const item of node.items) walk(item);
    }
  };
  walk(doc.contents);
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return {
    indent: mostCommon(indents, 2),
    indentSeq: seqIndented >= seqFlush,
    singleQuote: single > double,
    // New flow collections are short lists, so lists decide when the file has any.
    flowCollectionPadding:
      padding.seq.padded + padding.seq.tight > 0
        ? padding.seq.padded >= padding.seq.tight
        : padding.map.padded >= padding.map.tight,
    lineEnding: crlf > lf ? '\r\n' : '\n',
  };
}
