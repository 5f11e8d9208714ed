import type { Document, Node } from 'yaml';
import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq } from 'yaml';

import { nodeOffset } from './sourceRanges';
import type { MapData, MapEntryData, ScalarData, SeqData, YamlData } from './yamlData';
import { dataEquals, fromYamlValue } from './yamlData';
import { isMergePair, keyString, mappingEntries, scalarValue, toYamlValue } from './yamlNodeValues';

interface Reconciler {
  readonly doc: Document;
  /** Collections of the untouched parsed document by start offset, to bring moved nodes along. */
  readonly origins: ReadonlyMap<number, Node>;
  readonly skipped: ReadonlySet<number>;
}

const FLOW_LIST_MAX = 60;

function indexCollections(original: Document): Map<number, Node> {
  const origins = new Map<number, Node>();
  visit(original, {
    Node(_, node) {
      const offset = nodeOffset(node);
      if (isCollection(node) && offset !== undefined && !origins.has(offset)) origins.set(offset, node);
    },
  });
  return origins;
}

function nodeEquals(r: Reconciler, node: unknown, data: YamlData): boolean {
  return dataEquals(fromYamlValue(toYamlValue(r.doc, node)), data);
}

/** Keeps comments and blank lines of a replaced node on its replacement. */
function decorate<T extends Node>(fresh: T, old: unknown): T {
  if (!isNode(old)) return fresh;
  if (old.commentBefore && !fresh.commentBefore) fresh.commentBefore = old.commentBefore;
  if (old.comment && !fresh.comment) fresh.comment = old.comment;
  if (old.spaceBefore) fresh.spaceBefore = true;
  return fresh;
}

/** A copy of a node from the original document, without anchors (they must stay unique). */
function cloneWithoutAnchors(node: Node): Node {
  const copy: unknown = node.clone();
  if (!isNode(copy)) return node;
  visit(copy, {
    Node(_, inner) {
      if (!isAlias(inner)) delete inner.anchor;
    },
  });
  if (!isAlias(copy)) delete copy.anchor;
  return copy;
}

function newKey(entry: MapEntryData): Scalar {
  const key = new Scalar<unknown>(entry.boolKey ? true : entry.key);
  // YAML 1.1 reads a plain `on` as true; keeping the source prints it as `on` again.
  if (entry.boolKey) key.source = entry.key;
  return key as Scalar;
}

function newScalar(data: ScalarData): Scalar {
  const scalar = new Scalar<unknown>(data.value) as Scalar;
  if (typeof data.value === 'string' && data.value.includes('\n')) scalar.type = 'BLOCK_LITERAL';
  return scalar;
}

/** Whether a new list is short and flat enough to write inline (`[a, b]`), like hand-written YAML. */
function prefersFlow(data: SeqData): boolean {
  let width = 0;
  for (const item of data.items) {
    if (item.type !== 'scalar') return false;
    const text = String(item.value);
    if (text.includes('\n')) return false;
    width += text.length + 2;
  }
  return width <= FLOW_LIST_MAX;
}

/**
 * Blank lines between items stay where they were: the first item gets the original first item's
 * blank line (none, usually), and new or moved items get one if most items of the list have one.
 */
function spaceLikeSiblings(original: readonly unknown[], result: readonly { node: unknown; moved: boolean }[]): void {
  const rest = original.slice(1).filter((node) => isNode(node));
  const spaced = rest.length > 0 && rest.filter((node) => isNode(node) && node.spaceBefore).length * 2 > rest.length;
  result.forEach(({ node, moved }, index) => {
    if (!isNode(node)) return;
    if (index === 0) {
      const first = original[0];
      if (node !== first) node.spaceBefore = isNode(first) ? first.spaceBefore : undefined;
    } else if (moved && spaced) {
      node.spaceBefore = true;
    } else if (moved && node.spaceBefore && !spaced) {
      node.spaceBefore = undefined;
    }
  });
}

function buildNew(r: Reconciler, data: YamlData): Node {
  if (data.type === 'scalar') return newScalar(data);
  if (data.type === 'seq') {
    const seq = new YAMLSeq(r.doc.schema);
    seq.items = data.items.map((item) => reconcileNode(r, null, item));
    seq.flow = prefersFlow(data);
    return seq;
  }
  const map = new YAMLMap(r.doc.schema);
  map.items = data.entries.map((entry) => new Pair(newKey(entry), reconcileNode(r, null, entry.value)));
  return map;
}

function reconcileScalar(node: unknown, data: ScalarData): Node {
  if (!isScalar(node)) return decorate(newScalar(data), node);
  if (Object.is(scalarValue(node), data.value)) return node;
  if (typeof node.value === 'string' && typeof data.value === 'string') {
    node.value = data.value;
    delete node.source;
    const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    if (data.value.includes('\n') && !isBlock) node.type = 'BLOCK_LITERAL';
    if (!data.value.includes('\n') && isBlock) node.type = 'PLAIN';
    return node;
  }
  return decorate(newScalar(data), node);
}

/** The node to reconcile for data read from `origin`: this one, or a copy of the moved original. */
function nodeForOrigin(r: Reconciler, node: unknown, origin: number | undefined): unknown {
  if (origin === undefined || nodeOffset(node) === origin) return node;
  const source = r.origins.get(origin);
  return source ? decorate(cloneWithoutAnchors(source), null) : node;
}

function findPair(r: Reconciler, pairs: readonly Pair[], used: Set<Pair>, entry: MapEntryData): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of pairs) {
    if (!used.has(pair) && !isMergePair(pair) && keyString(r.doc, pair.key) === entry.key) found = pair;
  }
  if (found) return found;
  if (entry.key === 'on') {
    found = pairs.find((p) => !used.has(p) && isScalar(p.key) && p.key.value === true);
    if (found) return found;
  }
  const origin = entry.value.type === 'scalar' ? undefined : entry.value.origin;
  if (origin === undefined) return undefined;
  found = pairs.find((p) => !used.has(p) && nodeOffset(p.value) === origin);
  if (found) found.key = decorate(newKey(entry), found.key);
  return found;
}

function reconcileMap(r: Reconciler, map: YAMLMap, data: MapData): void {
  const pairs = map.items.filter((item): item is Pair => item instanceof Pair);
  const merged = mappingEntries(r.doc, map).entries.filter((entry) => entry.merged);
  const used = new Set<Pair>();
  const inserts: { pair: Pair; after: Pair | undefined }[] = [];
  let previous: Pair | undefined;
  for (const entry of data.entries) {
    const pair = findPair(r, pairs, used, entry);
    if (pair) {
      used.add(pair);
      pair.value = reconcileNode(r, pair.value, entry.value);
      previous = pair;
      continue;
    }
    const inherited = merged.find((m) => m.key === entry.key);
    if (inherited && nodeEquals(r, inherited.value, entry.value)) continue;
    const fresh = new Pair(newKey(entry), reconcileNode(r, null, entry.value));
    inserts.push({ pair: fresh, after: previous });
    previous = fresh;
  }
  const usedKeys = new Set([...used].map((pair) => keyString(r.doc, pair.key)));
  const order = pairs.filter(
    (pair) =>
      used.has(pair) ||
      isMergePair(pair) ||
      r.skipped.has(nodeOffset(pair.value) ?? -1) ||
      usedKeys.has(keyString(r.doc, pair.key)),
  );
  for (const { pair, after } of inserts) {
    order.splice(after ? order.indexOf(after) + 1 : 0, 0, pair);
  }
  if (!map.flow) {
    const fresh = new Set(inserts.map((insert) => insert.pair));
    spaceLikeSiblings(
      pairs.map((pair) => pair.key),
      order.map((pair) => ({ node: pair.key, moved: fresh.has(pair) })),
    );
  }
  map.items = order;
  if (map.flow && pairs.length === 0 && order.length > 0) map.flow = false;
}

function sameShape(node: unknown, data: YamlData): boolean {
  if (data.type === 'scalar') return isScalar(node);
  return data.type === 'seq' ? isSeq(node) : isMap(node);
}

function reconcileSeq(r: Reconciler, seq: YAMLSeq, data: SeqData): void {
  const items = seq.items;
  const byOffset = new Map<number, number>();
  items.forEach((item, index) => {
    const offset = nodeOffset(item);
    if (offset !== undefined) byOffset.set(offset, index);
  });
  const isSkipped = (index: number): boolean => r.skipped.has(nodeOffset(items[index]) ?? -1);
  const used = new Set<number>();
  const result: { node: unknown; from: number }[] = [];
  let cursor = 0;
  for (const item of data.items) {
    let index = -1;
    const origin = item.type === 'scalar' ? undefined : item.origin;
    const candidate = origin === undefined ? undefined : byOffset.get(origin);
    if (candidate !== undefined && !used.has(candidate)) index = candidate;
    if (index < 0 && !(item.type === 'map' && item.modelNode)) {
      for (let j = cursor; j < items.length && index < 0; j += 1) {
        if (!used.has(j) && !isSkipped(j) && nodeEquals(r, items[j], item)) index = j;
      }
      const positional = cursor < items.length && !used.has(cursor) && !isSkipped(cursor);
      if (index < 0 && positional && sameShape(items[cursor], item)) index = cursor;
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
  if (!seq.flow) {
    spaceLikeSiblings(
      items,
      result.map((entry) => ({ node: entry.node, moved: entry.from <= 0 })),
    );
  }
  seq.items = result.map((entry) => entry.node);
  if (seq.flow && items.length === 0 && data.items.length > 0) seq.flow = prefersFlow(data);
}

/** Makes `node` hold `data`, changing as little as possible; returns the node to use in its place. */
export function reconcileNode(r: Reconciler, node: unknown, data: YamlData): Node {
  let current = node;
  if (isAlias(current)) {
    const target = current.resolve(r.doc);
    if (target && nodeEquals(r, target, data)) return current;
    current = target ? decorate(cloneWithoutAnchors(target), current) : null;
  }
  if (data.type === 'scalar') return reconcileScalar(current, data);
  const target = nodeForOrigin(r, current, data.origin);
  if (data.type === 'map' && isMap(target)) {
    reconcileMap(r, target, data);
    return decorate(target, current);
  }
  if (data.type === 'seq' && isSeq(target)) {
    reconcileSeq(r, target, data);
    return decorate(target, current);
  }
  return decorate(buildNew(r, data), current);
}

/**
 * Moves the leading comment of a block list or mapping that is a key's value onto its first item,
 * so the comment travels with that item when items move.
 */
export function attachLeadingComments(doc: Document): void {
  visit(doc, {
    Seq(key, seq) {
      const [first] = seq.items;
      if (key !== 'value' || seq.flow || !seq.commentBefore || !isNode(first)) return;
      first.commentBefore = first.commentBefore ? `${seq.commentBefore}\n${first.commentBefore}` : seq.commentBefore;
      delete seq.commentBefore;
    },
    Map(at, map) {
      const [first] = map.items;
      if (at !== 'value' || map.flow || !map.commentBefore || !first || !isNode(first.key)) return;
      const key = first.key;
      key.commentBefore = key.commentBefore ? `${map.commentBefore}\n${key.commentBefore}` : map.commentBefore;
      delete map.commentBefore;
    },
  });
}

/**
 * Rewrites a clone of the parsed document in place so it holds `data`: unchanged nodes (with their
 * comments, quoting and style) are kept, steps are matched by where they were read from so moved
 * steps keep their comments, new keys and items are added and removed ones deleted — except nodes
 * the model could not represent (`skipped`), which stay where they were.
 */
export function reconcileDocument(
  work: Document,
  original: Document,
  data: MapData,
  skipped: ReadonlySet<number>,
): void {
  const r: Reconciler = { doc: work, origins: indexCollections(original), skipped };
  work.contents = reconcileNode(r, work.contents, data);
}
