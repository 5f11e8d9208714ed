import type { Document, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';

import type { YamlValue } from '../model';

/** Thrown when alias expansion exceeds the budget (a "billion laughs" file or an alias cycle). */
export class AliasBudgetError extends Error {
  /** Stable code for the diagnostic this becomes. */
  readonly code = 'YAML-PARSE';
}

/** Counts node visits while converting, so aliases cannot blow up memory or loop forever. */
export interface VisitBudget {
  remaining: number;
}

/** A fresh budget sized for any realistic pipeline file. */
export function createVisitBudget(): VisitBudget {
  return { remaining: 200_000 };
}

function spend(budget: VisitBudget): void {
  budget.remaining -= 1;
  if (budget.remaining < 0) {
    throw new AliasBudgetError(
      'The file expands to too many values (recursive or nested aliases).',
    );
  }
}

// `Alias.resolve` walks the whole document; a file with many aliases needs each lookup once.
const aliasTargets = new WeakMap<object, unknown>();

/** Follows an alias to its anchored node; any other value is returned as is. */
export function resolveAlias(doc: Document, node: unknown): unknown {
  if (!isAlias(node)) return node;
  if (!aliasTargets.has(node)) aliasTargets.set(node, node.resolve(doc) ?? null);
  return aliasTargets.get(node);
}

/** A scalar as a model value: timestamps and binaries keep their source text. */
export function scalarValue(node: Scalar): string | number | boolean | null {
  const { value } = node;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'symbol') return value.description ?? '<<';
  if (node.source !== undefined) return node.source;
  return value instanceof Date ? value.toISOString() : Object.prototype.toString.call(value);
}

/** Whether a pair is a YAML merge key (`<<: *anchor`). */
export function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol';
}

/** A mapping key as Flujo sees it: YAML keys are coerced to strings (`true` → `"true"`). */
export function keyString(doc: Document, key: unknown, budget = createVisitBudget()): string {
  const node = resolveAlias(doc, key);
  if (node === null || node === undefined) return 'null';
  if (isScalar(node)) {
    const value = scalarValue(node);
    return value === null ? 'null' : String(value);
  }
  return JSON.stringify(toYamlValue(doc, node, budget));
}

/** One key of a mapping after duplicate keys and `<<` merges are applied. */
export interface MappingEntry {
  readonly key: string;
  readonly pair: Pair;
  /** The value node with aliases resolved. */
  readonly value: unknown;
  /** True when the key comes from a `<<` merge rather than the mapping itself. */
  readonly merged: boolean;
}

/** The entries of a mapping as PyYAML loads them, plus pairs shadowed by a later duplicate key. */
export interface MappingEntries {
  readonly entries: readonly MappingEntry[];
  readonly duplicates: readonly Pair[];
}

function mergeSources(doc: Document, value: unknown): YAMLMap[] {
  const node = resolveAlias(doc, value);
  if (isMap(node)) return [node];
  if (isSeq(node)) {
    return node.items.map((item) => resolveAlias(doc, item)).filter((item) => isMap(item));
  }
  return [];
}

/** Lists a mapping's keys in file order; a later duplicate wins, merged keys never override. */
export function mappingEntries(
  doc: Document,
  map: YAMLMap,
  budget = createVisitBudget(),
  depth = 0,
): MappingEntries {
  const own = new Map<string, MappingEntry>();
  const duplicates: Pair[] = [];
  const merges: Pair[] = [];
  for (const pair of map.items) {
    spend(budget);
    if (!isPair(pair)) continue;
    if (isMergePair(pair)) {
      merges.push(pair);
      continue;
    }
    const key = keyString(doc, pair.key, budget);
    const previous = own.get(key);
    if (previous) {
      duplicates.push(previous.pair);
      own.delete(key);
    }
    own.set(key, { key, pair, value: resolveAlias(doc, pair.value), merged: false });
  }
  const entries = [...own.values()];
  if (depth < 20) {
    for (const merge of merges) {
      for (const source of mergeSources(doc, merge.value)) {
        for (const entry of mappingEntries(doc, source, budget, depth + 1).entries) {
          if (own.has(entry.key)) continue;
          own.set(entry.key, entry);
          entries.push({ ...entry, merged: true });
        }
      }
    }
  }
  return { entries, duplicates };
}

/** Sets an own property even for keys like `__proto__`. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Converts a parsed node (aliases and merges resolved) to a plain model value. */
export function toYamlValue(doc: Document, node: unknown, budget = createVisitBudget()): YamlValue {
  spend(budget);
  const resolved = resolveAlias(doc, node);
  if (isScalar(resolved)) return scalarValue(resolved);
  if (isSeq(resolved)) return resolved.items.map((item) => toYamlValue(doc, item, budget));
  if (isMap(resolved)) {
    const out: Record<string, YamlValue> = {};
    for (const entry of mappingEntries(doc, resolved, budget).entries) {
      setOwn(out, entry.key, toYamlValue(doc, entry.value, budget));
    }
    return out;
  }
  return null;
}
