import type { Document, Node } from 'yaml';
import { isAlias, isNode, Scalar, visit } from 'yaml';

import type { MapEntryData, ScalarData, SeqData } from './yamlData';

const FLOW_LIST_MAX = 60;

/** Keeps comments and blank lines of a replaced node on its replacement. */
export function decorate<T extends Node>(fresh: T, old: unknown): T {
  if (!isNode(old)) return fresh;
  if (old.commentBefore && !fresh.commentBefore) fresh.commentBefore = old.commentBefore;
  if (old.comment && !fresh.comment) fresh.comment = old.comment;
  if (old.spaceBefore) fresh.spaceBefore = true;
  return fresh;
}

/** A copy of a node from the original document, without anchors (they must stay unique). */
export function cloneWithoutAnchors(node: Node): Node {
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

/** A new mapping key for an entry. */
export function newKey(entry: MapEntryData): Scalar {
  const key = new Scalar<unknown>(entry.boolKey ? true : entry.key);
  // YAML 1.1 reads a plain `on` as true; keeping the source prints it as `on` again.
  if (entry.boolKey) key.source = entry.key;
  return key;
}

/** A new scalar; multi-line strings are written as `|` blocks. */
export function newScalar(data: ScalarData): Scalar {
  const scalar = new Scalar<unknown>(data.value);
  if (typeof data.value === 'string' && data.value.includes('\n')) scalar.type = 'BLOCK_LITERAL';
  return scalar;
}

/** Whether a new list is short and flat enough to write inline (`[a, b]`), like hand-written YAML. */
export function prefersFlow(data: SeqData): boolean {
  let width = 0;
  for (const item of data.items) {
    if (item.type !== 'scalar') return false;
    const text = String(item.value);
    if (text.includes('\n')) return false;
    width += text.length + 2;
  }
  return width <= FLOW_LIST_MAX;
}

/** A shallow copy of a node or pair (children shared), to change without touching the original. */
export function shallowCopy<T extends object>(value: T): T {
  const prototype: unknown = Object.getPrototypeOf(value);
  return Object.create(
    typeof prototype === 'object' ? prototype : null,
    Object.getOwnPropertyDescriptors(value),
  ) as T;
}

/** The node itself when it already has (or lacks) a blank line before it, else a changed copy. */
export function withSpaceBefore<T extends Node>(node: T, space: boolean): T {
  if (Boolean(node.spaceBefore) === space) return node;
  const copy = shallowCopy(node);
  copy.spaceBefore = space ? true : undefined;
  return copy;
}

/**
 * Where blank lines go between items: the first item gets the original first item's blank line
 * (none, usually), new or moved items get one if most items of the list have one; `null` keeps
 * an item as it is.
 */
export function siblingSpacing(
  original: readonly unknown[],
  result: readonly { readonly node: unknown; readonly moved: boolean }[],
): (boolean | null)[] {
  const rest = original.slice(1).filter((node) => isNode(node));
  const spaced =
    rest.length > 0 &&
    rest.filter((node) => isNode(node) && node.spaceBefore).length * 2 > rest.length;
  const first = original[0];
  return result.map(({ node, moved }, index) => {
    if (index === 0) return node === first ? null : isNode(first) && Boolean(first.spaceBefore);
    return moved ? spaced : null;
  });
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
      first.commentBefore = first.commentBefore
        ? `${seq.commentBefore}\n${first.commentBefore}`
        : seq.commentBefore;
      delete seq.commentBefore;
    },
    Map(at, map) {
      const [first] = map.items;
      if (at !== 'value' || map.flow || !map.commentBefore || !first || !isNode(first.key)) return;
      const key = first.key;
      key.commentBefore = key.commentBefore
        ? `${map.commentBefore}\n${key.commentBefore}`
        : map.commentBefore;
      delete map.commentBefore;
    },
  });
}
