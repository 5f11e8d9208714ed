import type { Document, Node } from 'yaml';
import {
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  Pair,
  visit,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

import { nodeOffset } from './sourceRanges';
import type { MapData, MapEntryData, ScalarData, SeqData, YamlData } from './yamlData';
import { dataEquals, fromYamlValue } from './yamlData';
import {
  cloneWithoutAnchors,
  decorate,
  newKey,
  newScalar,
  prefersFlow,
  shallowCopy,
  siblingSpacing,
  withSpaceBefore,
} from './yamlNodeStyle';
import { isMergePair, keyString, mappingEntries, scalarValue, toYamlValue } from './yamlNodeValues';

interface Reconciler {
  readonly doc: Document;
  /** Collections of the parsed document by start offset, to bring moved nodes along. */
  readonly origins: () => ReadonlyMap<number, Node>;
  readonly skipped: ReadonlySet<number>;
}

function indexCollections(original: Document): Map<number, Node> {
  const origins = new Map<number, Node>();
  visit(original, {
    Node(_, node) {
      const offset = nodeOffset(node);
      if (isCollection(node) && offset !== undefined && !origins.has(offset)) {
        origins.set(offset, node);
      }
    },
  });
  return origins;
}

function nodeEquals(r: Reconciler, node: unknown, data: YamlData): boolean {
  return dataEquals(fromYamlValue(toYamlValue(r.doc, node)), data);
}

function buildNew(r: Reconciler, data: YamlData): Node {
  if (data.type === 'scalar') return newScalar(data);
  if (data.type === 'seq') {
    const seq = new YAMLSeq(r.doc.schema);
    const items = data.items.map((item) => reconcileNode(r, null, item));
    const [first, ...rest] = items;
    seq.items = isNode(first) ? [withSpaceBefore(first, false), ...rest] : items;
    seq.flow = prefersFlow(data);
    return seq;
  }
  const map = new YAMLMap(r.doc.schema);
  map.items = data.entries.map(
    (entry) => new Pair(newKey(entry), reconcileNode(r, null, entry.value)),
  );
  return map;
}

function reconcileScalar(node: unknown, data: ScalarData): Node {
  if (!isScalar(node)) return decorate(newScalar(data), node);
  if (Object.is(scalarValue(node), data.value)) return node;
  if (typeof node.value !== 'string' || typeof data.value !== 'string') {
    return decorate(newScalar(data), node);
  }
  const copy = shallowCopy(node);
  copy.value = data.value;
  delete copy.source;
  const isBlock = copy.type === 'BLOCK_LITERAL' || copy.type === 'BLOCK_FOLDED';
  if (data.value.includes('\n') && !isBlock) copy.type = 'BLOCK_LITERAL';
  if (!data.value.includes('\n') && isBlock) copy.type = 'PLAIN';
  return copy;
}

/** The node to reconcile for data read from `origin`: this one, or a copy of the moved original. */
function nodeForOrigin(r: Reconciler, node: unknown, origin: number | undefined): unknown {
  if (origin === undefined || nodeOffset(node) === origin) return node;
  const source = r.origins().get(origin);
  return source ? cloneWithoutAnchors(source) : node;
}

/** The pair holding an entry's key; a branch renamed in the model is found by where it was read. */
function findPair(
  r: Reconciler,
  pairs: readonly Pair[],
  used: ReadonlySet<Pair>,
  entry: MapEntryData,
): { pair: Pair; renamed: boolean } | undefined {
  let found: Pair | undefined;
  for (const pair of pairs) {
    if (!used.has(pair) && !isMergePair(pair) && keyString(r.doc, pair.key) === entry.key) {
      found = pair;
    }
  }
  if (!found && entry.key === 'on') {
    found = pairs.find((p) => !used.has(p) && isScalar(p.key) && p.key.value === true);
  }
  if (found) return { pair: found, renamed: false };
  const origin = entry.value.type === 'scalar' ? undefined : entry.value.origin;
  if (origin === undefined) return undefined;
  found = pairs.find((p) => !used.has(p) && nodeOffset(p.value) === origin);
  return found && { pair: found, renamed: true };
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function reconcileMap(r: Reconciler, map: YAMLMap, data: MapData): YAMLMap {
  const pairs = map.items.filter((item): item is Pair => item instanceof Pair);
  const merged = mappingEntries(r.doc, map).entries.filter((entry) => entry.merged);
  const used = new Set<Pair>();
  const replaced = new Map<Pair, Pair>();
  const placed: (Pair | undefined)[] = [];
  const fresh: { pair: Pair; index: number }[] = [];
  data.entries.forEach((entry, index) => {
    const match = findPair(r, pairs, used, entry);
    if (match) {
      const { pair, renamed } = match;
      used.add(pair);
      const value = reconcileNode(r, pair.value, entry.value);
      if (value !== pair.value || renamed) {
        const copy = shallowCopy(pair);
        copy.value = value;
        if (renamed) copy.key = decorate(newKey(entry), pair.key);
        replaced.set(pair, copy);
      }
      placed.push(pair);
      return;
    }
    const inherited = merged.find((m) => m.key === entry.key);
    if (inherited && nodeEquals(r, inherited.value, entry.value)) {
      placed.push(undefined);
      return;
    }
    const created = new Pair(newKey(entry), reconcileNode(r, null, entry.value));
    placed.push(created);
    fresh.push({ pair: created, index });
  });
  const usedKeys = new Set([...used].map((pair) => keyString(r.doc, pair.key)));
  const order = pairs.filter(
    (pair) =>
      used.has(pair) ||
      isMergePair(pair) ||
      r.skipped.has(nodeOffset(pair.value) ?? -1) ||
      usedKeys.has(keyString(r.doc, pair.key)),
  );
  // A new known key goes after the known key before it, else before the known key after it, else
  // last; unknown keys (from `extra`) do not anchor known ones, whose order the model defines.
  const anchor = (from: number, step: number, unknown: boolean): Pair | undefined => {
    for (let i = from; i >= 0 && i < placed.length; i += step) {
      const candidate = placed[i];
      if (candidate && order.includes(candidate) && (unknown || !data.entries[i]?.unknown)) {
        return candidate;
      }
    }
    return undefined;
  };
  for (const { pair, index } of fresh) {
    const unknown = data.entries[index]?.unknown ?? false;
    const after = anchor(index - 1, -1, unknown);
    const before = after ? undefined : anchor(index + 1, 1, unknown);
    const at = after ? order.indexOf(after) + 1 : before ? order.indexOf(before) : order.length;
    order.splice(at, 0, pair);
  }
  const created = new Set(fresh.map((entry) => entry.pair));
  let items = order.map((pair) => replaced.get(pair) ?? pair);
  if (!map.flow) {
    const spacing = siblingSpacing(
      pairs.map((pair) => pair.key),
      items.map((pair) => ({ node: pair.key, moved: created.has(pair) })),
    );
    items = items.map((pair, index) => {
      const space = spacing[index];
      if (space === null || space === undefined || !isNode(pair.key)) return pair;
      const key = withSpaceBefore(pair.key, space);
      if (key === pair.key) return pair;
      const copy = created.has(pair) ? pair : shallowCopy(pair);
      copy.key = key;
      return copy;
    });
  }
  // An empty flow mapping (`{}`) that gains keys is written as a block.
  const toBlock = Boolean(map.flow) && pairs.length === 0 && items.length > 0;
  if (sameItems(items, map.items) && !toBlock) return map;
  const copy = shallowCopy(map);
  copy.items = items;
  if (toBlock) copy.flow = false;
  return copy;
}

function sameShape(node: unknown, data: YamlData): boolean {
  if (data.type === 'scalar') return isScalar(node);
  return data.type === 'seq' ? isSeq(node) : isMap(node);
}

function reconcileSeq(r: Reconciler, seq: YAMLSeq, data: SeqData): YAMLSeq {
  const items = seq.items;
  const byOffset = new Map<number, number>();
  items.forEach((item, index) => {
    // An alias item is found both by its own offset and by its anchor's (where the model read it).
    const target = isAlias(item) ? item.resolve(r.doc) : undefined;
    for (const offset of [nodeOffset(item), nodeOffset(target)]) {
      if (offset !== undefined && !byOffset.has(offset)) byOffset.set(offset, index);
    }
  });
  const isSkipped = (index: number): boolean => r.skipped.has(nodeOffset(items[index]) ?? -1);
  const used = new Set<number>();
  const result: { node: unknown; from: number }[] = [];
  let cursor = 0;
  for (const [k, item] of data.items.entries()) {
    let index = -1;
    const origin = item.type === 'scalar' ? undefined : item.origin;
    const candidate = origin === undefined ? undefined : byOffset.get(origin);
    if (candidate !== undefined && !used.has(candidate)) index = candidate;
    if (index < 0 && !(item.type === 'map' && item.modelNode)) {
      for (let j = cursor; j < items.length && index < 0; j += 1) {
        if (!used.has(j) && !isSkipped(j) && nodeEquals(r, items[j], item)) index = j;
      }
      const positional = cursor < items.length && !used.has(cursor) && !isSkipped(cursor);
      // Reuse the next unused item in place (keeping its comment) unless a later value is that item.
      const laterValue = (node: unknown): boolean =>
        data.items.slice(k + 1).some((later) => nodeEquals(r, node, later));
      if (index < 0 && positional && sameShape(items[cursor], item) && !laterValue(items[cursor])) {
        index = cursor;
      }
    }
    if (index >= 0) {
      used.add(index);
      cursor = Math.max(cursor, index + 1);
    }
    result.push({ node: reconcileNode(r, index >= 0 ? items[index] : null, item), from: index });
  }
  items.forEach((item, index) => {
    if (used.has(index) || !isSkipped(index)) return;
    let position = 0;
    result.forEach((entry, at) => {
      if (entry.from >= 0 && entry.from < index) position = at + 1;
    });
    result.splice(position, 0, { node: item, from: index });
  });
  let nodes = result.map((entry) => entry.node);
  if (!seq.flow) {
    const spacing = siblingSpacing(
      items,
      result.map((entry) => ({ node: entry.node, moved: entry.from <= 0 })),
    );
    nodes = nodes.map((node, index) => {
      const space = spacing[index];
      return space === null || space === undefined || !isNode(node)
        ? node
        : withSpaceBefore(node, space);
    });
  }
  // An empty flow list (`[]`) that gains items is written as new lists are.
  const restyle = Boolean(seq.flow) && items.length === 0 && data.items.length > 0;
  if (sameItems(nodes, items) && !restyle) return seq;
  const copy = shallowCopy(seq);
  copy.items = nodes;
  if (restyle) copy.flow = prefersFlow(data);
  return copy;
}

/**
 * Makes `node` hold `data`, changing as little as possible and never in place: a changed node is
 * a copy (so the parsed document stays intact), an unchanged one is returned as is.
 */
function reconcileNode(r: Reconciler, node: unknown, data: YamlData): Node {
  let current = node;
  if (isAlias(current)) {
    const target = current.resolve(r.doc);
    if (target && nodeEquals(r, target, data)) return current;
    current = target ? decorate(cloneWithoutAnchors(target), current) : null;
  }
  if (data.type === 'scalar') return reconcileScalar(current, data);
  const target = nodeForOrigin(r, current, data.origin);
  if (data.type === 'map' && data.pristine && isMap(target) && nodeOffset(target) === data.origin) {
    return target;
  }
  if (data.type === 'map' && isMap(target)) return reconcileMap(r, target, data);
  if (data.type === 'seq' && isSeq(target)) return reconcileSeq(r, target, data);
  return decorate(buildNew(r, data), current);
}

/**
 * The parsed document's content changed to hold `data`: unchanged nodes (with their comments,
 * quoting and style) are shared, changed ones are copies, so `doc` itself is not modified. Steps
 * are matched by where they were read from, so moved steps keep their comments; new keys and items
 * are added and removed ones dropped, except nodes the model could not represent (`skipped`).
 */
export function reconcileDocument(
  doc: Document,
  data: MapData,
  skipped: ReadonlySet<number>,
): Node {
  let origins: Map<number, Node> | undefined;
  const r: Reconciler = {
    doc,
    origins: () => (origins ??= indexCollections(doc)),
    skipped,
  };
  return reconcileNode(r, doc.contents, data);
}
