import type { YamlValue } from '../model';

/**
 * Plain YAML content the printer writes: the model turned back into mappings, lists and scalars in
 * the file's terms. Unlike JS objects, mappings keep any key order (`"1"` does not jump first).
 */
export type YamlData = ScalarData | SeqData | MapData;

/** A scalar value. */
export interface ScalarData {
  readonly type: 'scalar';
  readonly value: string | number | boolean | null;
}

/** A list; `origin` is the start offset of the node it was read from, if any. */
export interface SeqData {
  readonly type: 'seq';
  readonly items: readonly YamlData[];
  readonly origin?: number;
}

/**
 * A mapping. `origin` is the start offset of the node it was read from; `modelNode` marks steps and
 * transitions, which are matched only by origin (never by position) so comments follow them.
 */
export interface MapData {
  readonly type: 'map';
  readonly entries: readonly MapEntryData[];
  readonly origin?: number;
  readonly modelNode?: boolean;
  /** A step exactly as parsed from the node at `origin` (its `entries` are built on demand). */
  readonly pristine?: boolean;
}

/**
 * One key of a mapping. `boolKey` writes the key as YAML 1.1's plain `on` (Flujo's transitions);
 * `unknown` marks a key from `extra`, whose place among the known keys the model does not know.
 */
export interface MapEntryData {
  readonly key: string;
  readonly value: YamlData;
  readonly boolKey?: boolean;
  readonly unknown?: boolean;
}

/** A scalar. */
export function scalarData(value: string | number | boolean | null): ScalarData {
  return { type: 'scalar', value };
}

/** A model value (`extra`, `input`, schemas) as YAML data. */
export function fromYamlValue(value: YamlValue): YamlData {
  if (value === null || typeof value !== 'object') return scalarData(value);
  if (Array.isArray(value)) return { type: 'seq', items: value.map(fromYamlValue) };
  const record = value as { readonly [key: string]: YamlValue };
  return {
    type: 'map',
    entries: Object.keys(record).map((key) => ({ key, value: fromYamlValue(record[key] ?? null) })),
  };
}

/** Structural equality of two data trees (mapping key order and origins ignored). */
export function dataEquals(a: YamlData, b: YamlData): boolean {
  if (a.type === 'scalar') return b.type === 'scalar' && Object.is(a.value, b.value);
  if (b.type === 'scalar') return false;
  if (a.type === 'seq' || b.type === 'seq') {
    if (a.type !== 'seq' || b.type !== 'seq' || a.items.length !== b.items.length) return false;
    return a.items.every((item, index) => {
      const other = b.items[index];
      return other !== undefined && dataEquals(item, other);
    });
  }
  if (a.pristine && b.pristine && a.origin === b.origin) return true;
  if (a.entries.length !== b.entries.length) return false;
  const byKey = new Map(b.entries.map((entry) => [entry.key, entry.value]));
  return a.entries.every((entry) => {
    const other = byKey.get(entry.key);
    return other !== undefined && dataEquals(entry.value, other);
  });
}
