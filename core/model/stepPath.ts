/**
 * Step paths: the stable string that names one step in a pipeline tree, e.g.
 * `steps[2].loop.body[0]` or `steps[0].branches["my key"][1].fallback`. Diagnostics, run events,
 * breakpoints and the canvas all key steps by this string; the parsed segment form is for code
 * that walks the tree.
 */

import { assertNever } from './assertNever';

/** A step path in its string form (`steps[0].branches.a[1]`); see `parseStepPath` for the grammar. */
export type StepPath = string;

/** Child list slots whose lists are named by a key: parallel/conditional branches, router branches, states. */
export type KeyedListSlotName = 'branches' | 'router.branches' | 'states';

/** Child list slots that a container has at most one of. */
export type UnkeyedListSlotName = 'loop.body' | 'map.body' | 'default_branch';

/** Where a list of child steps lives inside its container step (no index). */
export type ChildListRef =
  | { readonly slot: 'loop.body' }
  | { readonly slot: 'map.body' }
  | { readonly slot: 'default_branch' }
  | { readonly slot: 'branches'; readonly key: string }
  | { readonly slot: 'router.branches'; readonly key: string }
  | { readonly slot: 'states'; readonly key: string };

/** A slot holding exactly one child step: a cache's `wrapped_step`, or any step's `fallback`. */
export type ChildStepRef = { readonly slot: 'wrapped_step' } | { readonly slot: 'fallback' };

/** Any child slot of a step: a list of steps or a single step. */
export type ChildRef = ChildListRef | ChildStepRef;

/** The first segment of every path: a top-level step, `steps[i]`. */
export interface RootStepSegment {
  readonly slot: 'steps';
  readonly index: number;
}

/** A step at `index` in a child list of the previous segment's step. */
export type ChildListSegment = ChildListRef & { readonly index: number };

/** One segment of a parsed step path. */
export type StepPathSegment = RootStepSegment | ChildListSegment | ChildStepRef;

/** A parsed step path: a `RootStepSegment` first, then child segments only. */
export type StepPathSegments = readonly [RootStepSegment, ...(ChildListSegment | ChildStepRef)[]];

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const BARE_KEY_PREFIX = /^[A-Za-z_][A-Za-z0-9_-]*/;
const INDEX = /^\[(0|[1-9][0-9]*)\]/;

/** Writes a branch/state key as it appears in a path: bare when it is an identifier, else `["json"]`. */
export function formatPathKey(key: string): string {
  return BARE_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** The string form of one segment (`steps[0]`, `.loop.body[1]`, `.fallback`, …). */
export function formatSegment(segment: StepPathSegment): string {
  switch (segment.slot) {
    case 'steps':
      return `steps[${String(segment.index)}]`;
    case 'loop.body':
    case 'map.body':
    case 'default_branch':
      return `.${segment.slot}[${String(segment.index)}]`;
    case 'branches':
    case 'router.branches':
    case 'states':
      return `.${segment.slot}${formatPathKey(segment.key)}[${String(segment.index)}]`;
    case 'wrapped_step':
    case 'fallback':
      return `.${segment.slot}`;
    default:
      return assertNever(segment);
  }
}

/** Formats parsed segments as the canonical string; inverse of `parseStepPath`. */
export function formatStepPath(segments: StepPathSegments): StepPath {
  return segments.map(formatSegment).join('');
}

const UNKEYED_SLOTS: readonly UnkeyedListSlotName[] = ['loop.body', 'map.body', 'default_branch'];
const KEYED_SLOTS: readonly KeyedListSlotName[] = ['router.branches', 'branches', 'states'];
const SINGLE_SLOTS: readonly ChildStepRef['slot'][] = ['wrapped_step', 'fallback'];

interface Cursor {
  readonly text: string;
  pos: number;
}

function readIndex(cursor: Cursor): number | undefined {
  const match = INDEX.exec(cursor.text.slice(cursor.pos));
  if (!match?.[1]) return undefined;
  const index = Number(match[1]);
  if (!Number.isSafeInteger(index)) return undefined;
  cursor.pos += match[0].length;
  return index;
}

/** Reads the end of a JSON string literal starting at `start` (a `"`), or undefined if unterminated. */
function jsonStringEnd(text: string, start: number): number | undefined {
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '"') return i + 1;
  }
  return undefined;
}

function parseJsonString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a key written bare (`.name`) or quoted (`["my key"]`); only the canonical form is accepted. */
function readKey(cursor: Cursor): string | undefined {
  const rest = cursor.text.slice(cursor.pos);
  if (rest.startsWith('.')) {
    const match = BARE_KEY_PREFIX.exec(rest.slice(1));
    if (!match) return undefined;
    cursor.pos += 1 + match[0].length;
    return match[0];
  }
  if (!rest.startsWith('["')) return undefined;
  const end = jsonStringEnd(cursor.text, cursor.pos + 1);
  if (end === undefined || cursor.text[end] !== ']') return undefined;
  const literal = cursor.text.slice(cursor.pos + 1, end);
  const key = parseJsonString(literal);
  if (key === undefined || BARE_KEY.test(key) || JSON.stringify(key) !== literal) return undefined;
  cursor.pos = end + 1;
  return key;
}

function startsSlot(cursor: Cursor, slot: string): boolean {
  if (!cursor.text.startsWith(`.${slot}`, cursor.pos)) return false;
  const next = cursor.text[cursor.pos + slot.length + 1];
  return next === undefined || next === '.' || next === '[';
}

function readChildSegment(cursor: Cursor): ChildListSegment | ChildStepRef | undefined {
  for (const slot of SINGLE_SLOTS) {
    if (startsSlot(cursor, slot)) {
      cursor.pos += slot.length + 1;
      return { slot };
    }
  }
  for (const slot of UNKEYED_SLOTS) {
    if (startsSlot(cursor, slot)) {
      cursor.pos += slot.length + 1;
      const index = readIndex(cursor);
      return index === undefined ? undefined : { slot, index };
    }
  }
  for (const slot of KEYED_SLOTS) {
    if (startsSlot(cursor, slot)) {
      cursor.pos += slot.length + 1;
      const key = readKey(cursor);
      if (key === undefined) return undefined;
      const index = readIndex(cursor);
      return index === undefined ? undefined : { slot, key, index };
    }
  }
  return undefined;
}

/**
 * Parses a step path. Grammar: `steps[i]` then any of `.loop.body[i]`, `.map.body[i]`,
 * `.branches<key>[i]`, `.default_branch[i]`, `.router.branches<key>[i]`, `.states<key>[i]`,
 * `.wrapped_step`, `.fallback`, where `<key>` is `.ident` or `["json string"]`. Only canonical
 * strings parse (so `formatStepPath(parseStepPath(s)) === s`); anything else gives undefined.
 */
export function parseStepPath(path: string): StepPathSegments | undefined {
  if (!path.startsWith('steps')) return undefined;
  const cursor: Cursor = { text: path, pos: 'steps'.length };
  const rootIndex = readIndex(cursor);
  if (rootIndex === undefined) return undefined;
  const segments: [RootStepSegment, ...(ChildListSegment | ChildStepRef)[]] = [
    { slot: 'steps', index: rootIndex },
  ];
  while (cursor.pos < path.length) {
    const segment = readChildSegment(cursor);
    if (!segment) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** The path of a child of the step at `parent`, e.g. `childPath('steps[0]', { slot: 'fallback' })`. */
export function childPath(parent: StepPath, segment: ChildListSegment | ChildStepRef): StepPath {
  return parent + formatSegment(segment);
}

/** The path of the step that holds `path` (undefined for a top-level step or a malformed path). */
export function parentOf(path: StepPath): StepPath | undefined {
  const segments = parseStepPath(path);
  const parent = segments && parentSegments(segments);
  return parent && formatStepPath(parent);
}

/** The segments of the step that holds `segments` (undefined for a top-level step). */
export function parentSegments(segments: StepPathSegments): StepPathSegments | undefined {
  if (segments.length < 2) return undefined;
  const [root, ...children] = segments;
  return [root, ...children.slice(0, -1)];
}

/** `segments` extended by one child segment. */
export function appendSegment(
  segments: StepPathSegments,
  segment: ChildListSegment | ChildStepRef,
): StepPathSegments {
  const [root, ...children] = segments;
  return [root, ...children, segment];
}

/** Whether two segments name the same place (same slot, key and index). */
export function sameSegment(a: StepPathSegment, b: StepPathSegment): boolean {
  return formatSegment(a) === formatSegment(b);
}

/** Whether `path` is `ancestor` itself or lies somewhere inside it (its children, fallbacks, …). */
export function isSameOrInside(path: StepPathSegments, ancestor: StepPathSegments): boolean {
  if (path.length < ancestor.length) return false;
  return ancestor.every((segment, i) => {
    const other = path[i];
    return other !== undefined && sameSegment(segment, other);
  });
}
