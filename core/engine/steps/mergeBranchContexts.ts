import type { MergeStrategy } from '../../model';
import { assertNever } from '../../model';
import { isDict } from '../context/contextPath';
import type { ContextTx, ListMerge } from '../context/contextTx';

type Dict = Record<string, unknown>;

/** What one successful branch changed in its copy of the context, relative to the parent. */
export interface BranchChanges {
  readonly key: string;
  readonly changes: Readonly<Dict>;
}

/** The parallel step's settings that shape the merge. */
export interface MergeSettings {
  readonly contextIncludeKeys?: readonly string[];
  readonly fieldMapping?: Readonly<Record<string, readonly string[]>>;
}

/** Never merged back (FLUJO-SPEC §8.7). */
const NOT_MERGED = new Set(['command_log']);
/**
 * Run bookkeeping the engine writes in every branch (step outputs by name, the last HITL answer,
 * the run status): two branches differing there is not a user's conflict, so the last one wins.
 */
const NOT_CONFLICTING = new Set(['step_outputs', 'command_log', 'user_input', 'status']);

/**
 * The part of `branch` that differs from `parent`, as a patch for `ContextTx.mergeAt`: nested dicts
 * hold only their changed keys. Subtrees a branch never wrote are the parent's own objects
 * (copy-on-write forks share them), so they are skipped by reference without being walked. With the
 * branch's fork transaction `tx`, a dict the fork copied is diffed on the keys it wrote only.
 */
export function contextChanges(
  branch: Readonly<Dict>,
  parent: Readonly<Dict>,
  tx?: ContextTx,
): Dict {
  const changes: Dict = {};
  const written = tx?.writtenKeys(branch, parent);
  if (written === undefined) {
    for (const key of Object.keys(branch)) diffKey(changes, key, branch, parent, tx);
  } else if (written.size === 1) {
    for (const key of written) {
      if (Object.hasOwn(branch, key)) diffKey(changes, key, branch, parent, tx);
    }
  } else if (written.size > 1) {
    // The patch keeps the branch's key order (merge order, the first conflict reported).
    for (const key of Object.keys(branch)) {
      if (written.has(key)) diffKey(changes, key, branch, parent, tx);
    }
  }
  return changes;
}

function diffKey(
  changes: Dict,
  key: string,
  branch: Readonly<Dict>,
  parent: Readonly<Dict>,
  tx: ContextTx | undefined,
): void {
  const value = branch[key];
  const before = parent[key];
  if (value === before) return;
  if (isDict(value) && isDict(before)) {
    const inner = contextChanges(value, before, tx);
    if (hasKeys(inner)) changes[key] = inner;
  } else if (!Object.hasOwn(parent, key) || !sameValue(value, before)) {
    changes[key] = value;
  }
}

function hasKeys(dict: Readonly<Dict>): boolean {
  for (const key in dict) if (Object.hasOwn(dict, key)) return true;
  return false;
}

/**
 * Merges the successful branches' changes into `ctx` (the parallel step's transaction) per
 * `strategy` (FLUJO-SPEC §8.7–8.8). Returns the conflict message when the strategy refuses to merge.
 */
export function mergeBranchContexts(
  ctx: ContextTx,
  strategy: MergeStrategy,
  branches: readonly BranchChanges[],
  settings: MergeSettings = {},
): string | undefined {
  switch (strategy) {
    case 'no_merge':
      return undefined;
    case 'context_update': {
      const mapped = branches.map((branch) => mapFields(branch, settings.fieldMapping));
      const conflict = firstConflict(mapped, false);
      if (conflict !== undefined) return conflict;
      return apply(ctx, mapped, 'union');
    }
    case 'overwrite': {
      const include = settings.contextIncludeKeys;
      const kept =
        include === undefined ? branches : branches.map((branch) => pick(branch, include));
      return apply(ctx, kept, 'replace');
    }
    case 'error_on_conflict': {
      const conflict = firstConflict(branches, true);
      if (conflict !== undefined) return conflict;
      return apply(ctx, branches, 'union');
    }
    case 'keep_first': {
      let kept: Dict = {};
      for (const branch of branches) kept = underlay(kept, branch.changes);
      return apply(ctx, [{ key: branches[0]?.key ?? '', changes: kept }], 'union');
    }
    default:
      return assertNever(strategy);
  }
}

function apply(
  ctx: ContextTx,
  branches: readonly BranchChanges[],
  lists: ListMerge,
): string | undefined {
  for (const branch of branches) {
    const patch: Dict = {};
    for (const [key, value] of Object.entries(branch.changes)) {
      if (!NOT_MERGED.has(key)) patch[key] = value;
    }
    const merged = ctx.mergeAt([], patch, lists);
    if (!merged.ok) return `Merging branch '${branch.key}' failed: ${merged.reason}`;
  }
  return undefined;
}

/** `first` with what `later` adds: dicts merge, lists append new items, `first`'s values win. */
function underlay(first: Readonly<Dict>, later: Readonly<Dict>): Dict {
  const out: Dict = { ...first };
  for (const [key, value] of Object.entries(later)) {
    if (!Object.hasOwn(out, key)) {
      out[key] = value;
      continue;
    }
    const current = out[key];
    if (isDict(current) && isDict(value)) out[key] = underlay(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) {
      const have: readonly unknown[] = current;
      const added = (value as readonly unknown[]).filter(
        (item) => !have.some((old) => sameValue(old, item)),
      );
      out[key] = [...have, ...added];
    }
  }
  return out;
}

function mapFields(
  branch: BranchChanges,
  mapping: Readonly<Record<string, readonly string[]>> | undefined,
): BranchChanges {
  const fields =
    mapping !== undefined && Object.hasOwn(mapping, branch.key) ? mapping[branch.key] : undefined;
  return fields === undefined ? branch : pick(branch, fields);
}

function pick(branch: BranchChanges, keys: readonly string[]): BranchChanges {
  const changes: Dict = {};
  for (const key of keys) {
    if (Object.hasOwn(branch.changes, key)) changes[key] = branch.changes[key];
  }
  return { key: branch.key, changes };
}

/**
 * The first pair of branches (declared order) that set one key to different values. Lenient
 * (`context_update`): only non-numeric scalar leaves count, lists and numbers merge. Strict
 * (`error_on_conflict`): any differing value counts.
 */
function firstConflict(all: readonly BranchChanges[], strict: boolean): string | undefined {
  // Only branches that changed a key outside the run bookkeeping can conflict (same pair order).
  const branches = all.filter((branch) => {
    for (const key in branch.changes) {
      if (!NOT_CONFLICTING.has(key) && Object.hasOwn(branch.changes, key)) return true;
    }
    return false;
  });
  for (let i = 0; i < branches.length; i += 1) {
    for (let j = i + 1; j < branches.length; j += 1) {
      const a = branches[i];
      const b = branches[j];
      if (a === undefined || b === undefined) continue;
      const path = conflictPath(a.changes, b.changes, [], strict);
      if (path !== undefined) {
        return `Merge conflict for key ${path}: branches '${a.key}' and '${b.key}' set different values.`;
      }
    }
  }
  return undefined;
}

function conflictPath(
  a: Readonly<Dict>,
  b: Readonly<Dict>,
  path: readonly string[],
  strict: boolean,
): string | undefined {
  for (const [key, left] of Object.entries(a)) {
    if (!Object.hasOwn(b, key)) continue;
    if (path.length === 0 && NOT_CONFLICTING.has(key)) continue;
    const right = b[key];
    const here = [...path, key];
    if (isDict(left) && isDict(right)) {
      const inner = conflictPath(left, right, here, strict);
      if (inner !== undefined) return inner;
    } else if (
      strict ? !sameValue(left, right) : isTextLike(left) && isTextLike(right) && left !== right
    ) {
      return here.join('.');
    }
  }
  return undefined;
}

/** A scalar that is not a number: strings, booleans and null conflict; numbers merge (last wins). */
function isTextLike(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}

/** Structural equality of JSON-like values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isDict(a) && isDict(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
    );
  }
  return false;
}
