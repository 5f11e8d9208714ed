import { isAlias, isMap, isSeq } from 'yaml';

import type { NodeSource, SourceRange } from '../model';
import type { ReadContext } from './readContext';
import { keyRange, nodeRange } from './sourceRanges';
import { mappingEntries } from './yamlNodeValues';

/** Decides, from a key path (`['loop', 'body']`), whether to stop descending (a child model node). */
export type StopAt = (segments: readonly string[]) => boolean;

/**
 * Builds the `NodeSource` of a model node: its range, and for every key path below it (down to
 * where `stopAt` says a child model node starts) the range of the value and of the key.
 */
export function recordNodeSource(ctx: ReadContext, node: unknown, stopAt: StopAt): NodeSource {
  const fields: Record<string, SourceRange> = {};
  const keys: Record<string, SourceRange> = {};
  // One mutable segment stack and incrementally built paths: no arrays per visited key.
  const segments: string[] = [];
  const walk = (value: unknown, path: string): void => {
    // Below an alias the ranges are those of the anchor, elsewhere in the file: not recorded.
    if (isAlias(value) || (segments.length > 0 && stopAt(segments))) return;
    const childPath = (segment: string): string =>
      segments.length === 0 ? segment : `${path}.${segment}`;
    if (isMap(value)) {
      for (const entry of mappingEntries(ctx.doc, value, ctx.budget).entries) {
        const child = childPath(entry.key);
        const valueRange = nodeRange(ctx.mapper, entry.pair.value);
        const keyAt = keyRange(ctx.mapper, entry.pair);
        if (valueRange && !(child in fields)) fields[child] = valueRange;
        if (keyAt && !(child in keys)) keys[child] = keyAt;
        segments.push(entry.key);
        walk(entry.pair.value, child);
        segments.pop();
      }
    } else if (isSeq(value)) {
      value.items.forEach((item, index) => {
        const segment = String(index);
        const child = childPath(segment);
        const itemRange = nodeRange(ctx.mapper, item);
        if (itemRange) fields[child] = itemRange;
        segments.push(segment);
        walk(item, child);
        segments.pop();
      });
    }
  };
  walk(node, '');
  const range = nodeRange(ctx.mapper, node) ?? ctx.mapper.range(0, 0);
  return { range, fields, keys };
}

/** Never stops: for leaf model nodes (agents, transitions). */
export const descendAll: StopAt = () => false;

/** Stops at the child pipelines and child steps of a step mapping. */
export const stopAtStepChildren: StopAt = (segments) => {
  const [first, second, third] = segments;
  if (segments.length === 1) {
    return first === 'fallback' || first === 'wrapped_step' || first === 'default_branch';
  }
  if (segments.length === 2) {
    if (first === 'branches' || first === 'states' || first === 'transitions') return true;
    return (first === 'loop' || first === 'map') && second === 'body';
  }
  return (
    segments.length === 3 && first === 'router' && second === 'branches' && third !== undefined
  );
};
