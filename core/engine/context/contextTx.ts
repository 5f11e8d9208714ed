import { contextPathSegments, isDict } from './contextPath';

type Dict = Record<string, unknown>;

/** Which objects a line of transactions may change in place (replaced wholesale to seal). */
interface Ownership {
  owned: WeakSet<object>;
  /**
   * Fork lines only: for each dict this line copied, the dict it copied (`source`) and the keys
   * written into the copy since, so `writtenKeys` lets a join diff only those keys.
   */
  readonly writes?: Map<Dict, Written>;
}

/** What a fork line did to one of its copies: copied from `source`, then wrote `keys`. */
interface Written {
  readonly source: Dict;
  readonly keys: Set<string>;
}

type UndoEntry =
  | {
      readonly kind: 'set';
      readonly target: Dict;
      readonly key: string;
      readonly had: boolean;
      readonly old: unknown;
    }
  | { readonly kind: 'truncate'; readonly target: unknown[]; readonly length: number };

/**
 * The pipeline context of one frame, with transactions that cost O(path) per write, not O(context).
 *
 * - `begin()` opens a sequential child (retry attempt, loop iteration, conditional branch): it writes
 *   in place into objects this line owns, recording undo entries; `commit()` hands the state to the
 *   parent, `rollback()` undoes every write.
 * - `fork()` opens an isolated child (parallel branch, background step): it shares the parent's objects
 *   read-only and copies a path the first time it writes there (copy-on-write).
 * - `seal()` ends in-place writes for every object reachable now, so a snapshot stays unchanged.
 *
 * Values are plain JSON-like data. A 10,000-iteration loop that appends to a list stays linear.
 */
export class ContextTx {
  private root: Dict;
  private readonly ownership: Ownership;
  /** The undo log of a sequential child, created on its first write (most steps write little). */
  private undo: UndoEntry[] | undefined;
  private readonly tracked: boolean;
  private readonly parent: ContextTx | undefined;
  private closed = false;

  private constructor(
    root: Dict,
    ownership: Ownership,
    parent: ContextTx | undefined,
    tracked: boolean,
  ) {
    this.root = root;
    this.ownership = ownership;
    this.parent = parent;
    this.tracked = tracked;
    this.undo = undefined;
  }

  /** A root transaction over `initial` (never rolled back, so it keeps no undo log). */
  static create(initial: Readonly<Dict>): ContextTx {
    return new ContextTx(initial, { owned: new WeakSet() }, undefined, false);
  }

  /** The current context; read-only for callers (write through this transaction). */
  get value(): Readonly<Dict> {
    return this.root;
  }

  /** A sequential child transaction (see the class comment). */
  begin(): ContextTx {
    return new ContextTx(this.root, this.ownership, this, true);
  }

  /** An isolated copy-on-write child sharing this context's objects read-only. */
  fork(): ContextTx {
    this.ownership.owned = new WeakSet();
    return new ContextTx(this.root, { owned: new WeakSet(), writes: new Map() }, undefined, false);
  }

  /** Makes every object reachable now immutable for later writes (they copy first). */
  seal(): Readonly<Dict> {
    this.ownership.owned = new WeakSet();
    return this.root;
  }

  /** Hands this sequential child's state to its parent. */
  commit(): void {
    const parent = this.requireOpenChild();
    parent.root = this.root;
    const undo = this.undo;
    if (parent.tracked && undo !== undefined) {
      const target = parent.undo;
      if (target === undefined) parent.undo = undo;
      else for (const entry of undo) target.push(entry);
    }
    this.undo = undefined;
    this.closed = true;
  }

  /** Undoes every write of this sequential child; the parent is as before `begin()`. */
  rollback(): void {
    this.requireOpenChild();
    const undo = this.undo ?? [];
    for (let index = undo.length - 1; index >= 0; index -= 1) {
      const entry = undo[index];
      if (entry === undefined) continue;
      if (entry.kind === 'truncate') {
        entry.target.length = entry.length;
        continue;
      }
      compactTwins.delete(entry.target);
      if (entry.had) entry.target[entry.key] = entry.old;
      else Reflect.deleteProperty(entry.target, entry.key);
    }
    this.closed = true;
  }

  /**
   * For a fork line's copy `dict` of `before` (e.g. the branch's context and the context it forked
   * from, or a nested dict of each at one path): the keys written into `dict` since it was copied.
   * Every other key of `dict` still holds `before`'s value (copy-on-write shares it). Undefined when
   * that is not known (not a fork, not copied from `before`, e.g. after `replace`): diff everything.
   */
  writtenKeys(dict: Readonly<Dict>, before: Readonly<Dict>): ReadonlySet<string> | undefined {
    const written = this.ownership.writes?.get(dict);
    return written?.source === before ? written.keys : undefined;
  }

  /** Replaces the whole context (debugger edits, state restored from a checkpoint). */
  replace(next: Readonly<Dict>): void {
    this.root = next;
  }

  /** Sets `value` at a dotted path; intermediate dicts must exist unless `createMissing`. */
  setPath(path: string | readonly string[], value: unknown, createMissing = false): SetResult {
    const segments = typeof path === 'string' ? contextPathSegments(path) : path;
    const last = segments[segments.length - 1];
    if (last === undefined) return { ok: false, reason: 'The context path is empty.' };
    const parent = this.writableDict(segments, segments.length - 1, createMissing);
    if (typeof parent === 'string') return { ok: false, reason: parent };
    this.assign(parent, last, value);
    return SET_OK;
  }

  /** Appends `value` to the list at `path` (created when missing). */
  appendPath(path: string | readonly string[], value: unknown): SetResult {
    const segments = typeof path === 'string' ? contextPathSegments(path) : path;
    const last = segments[segments.length - 1];
    if (last === undefined) return { ok: false, reason: 'The context path is empty.' };
    const parent = this.writableDict(segments, segments.length - 1, true);
    if (typeof parent === 'string') return { ok: false, reason: parent };
    const current = parent[last];
    if (current !== undefined && current !== null && !Array.isArray(current)) {
      return {
        ok: false,
        reason: `context.${segments.join('.')} is not a list, so nothing can be appended to it.`,
      };
    }
    const list = this.writableList(parent, last, current ?? []);
    this.recordTruncate(list);
    list.push(value);
    return SET_OK;
  }

  /** Deep-merges `patch` into the dict at `path` (root when empty): dicts merge, lists union. */
  mergeAt(
    path: string | readonly string[],
    patch: Readonly<Dict>,
    lists: ListMerge = 'union',
  ): MergeResult {
    const segments = typeof path === 'string' ? contextPathSegments(path) : path;
    const target = this.writableDict(segments, segments.length, true);
    if (typeof target === 'string') return { ok: false, reason: target };
    this.mergeInto(target, patch, lists);
    return { ok: true, mergedKeys: Object.keys(patch) };
  }

  private mergeInto(target: Dict, patch: Readonly<Dict>, lists: ListMerge): void {
    for (const [key, incoming] of Object.entries(patch)) {
      const current = target[key];
      if (current === incoming) continue;
      if (isDict(current) && isDict(incoming)) {
        this.mergeInto(this.writableChildDict(target, key, current), incoming, lists);
      } else if (lists === 'union' && Array.isArray(current) && Array.isArray(incoming)) {
        this.unionInto(target, key, current, incoming);
      } else {
        this.assign(target, key, incoming);
      }
    }
  }

  private unionInto(
    target: Dict,
    key: string,
    current: readonly unknown[],
    incoming: readonly unknown[],
  ): void {
    const seen = new Set(current.map(contentKey));
    const additions = incoming.filter((item) => {
      const itemKey = contentKey(item);
      if (seen.has(itemKey)) return false;
      seen.add(itemKey);
      return true;
    });
    if (additions.length === 0) return;
    const list = this.writableList(target, key, current);
    this.recordTruncate(list);
    list.push(...additions);
  }

  /** The writable dict at `segments[0..end)` (copied on first write where not owned). */
  private writableDict(
    segments: readonly string[],
    end: number,
    createMissing: boolean,
  ): Dict | string {
    if (!this.ownership.owned.has(this.root)) this.root = this.ownedCopy(this.root);
    let current = this.root;
    for (let index = 0; index < end; index += 1) {
      const segment = segments[index] ?? '';
      const next = current[segment];
      if (isDict(next)) {
        current = this.writableChildDict(current, segment, next);
      } else if ((next === undefined || next === null) && createMissing) {
        const created: Dict = {};
        this.ownership.owned.add(created);
        this.assign(current, segment, created);
        current = created;
      } else {
        const where = segments.slice(0, index + 1).join('.');
        return next === undefined
          ? `context.${where} does not exist; create it first (e.g. with a sink_to or context_set step).`
          : `context.${where} is not a dict, so it has no field ${segments[index + 1] ?? ''}.`;
      }
    }
    return current;
  }

  private writableChildDict(parent: Dict, key: string, child: Dict): Dict {
    if (this.ownership.owned.has(child)) return child;
    const copy = this.ownedCopy(child);
    this.assign(parent, key, copy);
    return copy;
  }

  /** A copy of `source` this line owns; a fork line records where it came from. */
  private ownedCopy(source: Dict): Dict {
    const copy = copyDict(source);
    this.ownership.owned.add(copy);
    const writes = this.ownership.writes;
    if (writes !== undefined) {
      // A sealed copy of this line's own is copied again: the new copy inherits its record.
      const earlier = writes.get(source);
      writes.set(
        copy,
        earlier === undefined
          ? { source, keys: new Set() }
          : { source: earlier.source, keys: new Set(earlier.keys) },
      );
    }
    return copy;
  }

  private writableList(parent: Dict, key: string, current: readonly unknown[]): unknown[] {
    if (this.ownership.owned.has(current)) return current as unknown[];
    const copy = current.slice();
    this.ownership.owned.add(copy);
    this.assign(parent, key, copy);
    return copy;
  }

  private assign(target: Dict, key: string, value: unknown): void {
    compactTwins.delete(target);
    this.ownership.writes?.get(target)?.keys.add(key);
    if (this.tracked) {
      const old = target[key];
      const entry: UndoEntry = {
        kind: 'set',
        target,
        key,
        had: old !== undefined || Object.hasOwn(target, key),
        old,
      };
      if (this.undo === undefined) this.undo = [entry];
      else this.undo.push(entry);
    }
    target[key] = value;
  }

  private recordTruncate(list: unknown[]): void {
    if (!this.tracked) return;
    const entry: UndoEntry = { kind: 'truncate', target: list, length: list.length };
    if (this.undo === undefined) this.undo = [entry];
    else this.undo.push(entry);
  }

  private requireOpenChild(): ContextTx {
    if (this.closed) throw new Error('This context transaction is already closed.');
    if (!this.parent) throw new Error('Only a child from begin() can be committed or rolled back.');
    return this.parent;
  }
}

/** Result of a context write. */
export type SetResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const SET_OK: SetResult = Object.freeze({ ok: true });

/**
 * A private copy of each dict copied on write, made once while the dict is unchanged (any write
 * through a transaction drops it). V8 keeps a dict that grew key by key (e.g. `step_outputs`) in
 * dictionary mode, and spreading one costs ~0.6 µs per key, while spreading a spread copy costs
 * ~0.01 µs per key: the 100 branches of a parallel step all copy the same dicts.
 */
const compactTwins = new WeakMap<Dict, Dict>();

function copyDict(source: Dict): Dict {
  let twin = compactTwins.get(source);
  if (twin === undefined) {
    twin = { ...source };
    compactTwins.set(source, twin);
  }
  return { ...twin };
}

/** Result of a merge: the merged top-level keys. */
export type MergeResult =
  | { readonly ok: true; readonly mergedKeys: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** How lists merge: `union` (content de-duplicated, Flujo's default) or `replace`. */
export type ListMerge = 'union' | 'replace';

function contentKey(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item;
  return `\u0000${JSON.stringify(item)}`;
}
