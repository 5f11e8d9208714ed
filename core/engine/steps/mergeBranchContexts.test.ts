import { describe, expect, it } from 'vitest';
import { ContextTx } from '../context/contextTx';
import type { BranchChanges } from './mergeBranchContexts';
import { contextChanges, mergeBranchContexts } from './mergeBranchContexts';
import { runYaml, fakeSkills, stepNamed } from '../__fixtures__/engineHarness';
import { CONTEXT, fanYaml, set } from './__fixtures__/parallelYaml';

type Dict = Record<string, unknown>;

/** A subtree that throws when anything reads inside it: proves it was skipped by reference. */
function untouchable(): Dict {
  return new Proxy(
    {},
    {
      get: () => {
        throw new Error('walked into an unchanged subtree');
      },
      ownKeys: () => {
        throw new Error('walked into an unchanged subtree');
      },
    },
  );
}

/** Runs `write` on a fork of `parent` and returns the fork's changes. */
function branch(key: string, parent: ContextTx, write: (tx: ContextTx) => void): BranchChanges {
  const fork = parent.fork();
  write(fork);
  return { key, changes: contextChanges(fork.value, parent.value) };
}

describe('contextChanges', () => {
  it('keeps only what a fork changed, skipping shared subtrees without reading them', () => {
    const parent = ContextTx.create({ big: untouchable(), a: { b: 1, keep: 'x' }, list: [1] });
    const fork = parent.fork();
    fork.setPath(['a', 'c'], 2);
    fork.appendPath(['list'], 2);
    fork.setPath(['fresh'], { z: true });
    expect(contextChanges(fork.value, parent.value)).toEqual({
      a: { c: 2 },
      list: [1, 2],
      fresh: { z: true },
    });
  });

  it('with the fork transaction, diffs only the keys the fork wrote, in the branch key order', () => {
    const wide = (): Dict => {
      const dict: Dict = { shared: untouchable() };
      for (let i = 0; i < 50; i += 1) dict[`k${String(i)}`] = i;
      return dict;
    };
    const parent = ContextTx.create({ big: untouchable(), outputs: wide(), a: { b: 1 }, n: 1 });
    const fork = parent.fork();
    fork.setPath(['outputs', 'leaf'], 'x');
    fork.setPath(['outputs', 'k3'], 3);
    fork.setPath(['n'], 2);
    fork.setPath(['a', 'c'], 2);
    // Sealed copies (a debugger snapshot) are copied again and keep their record.
    fork.seal();
    fork.setPath(['a', 'd'], 4);
    const inner = fork.begin();
    inner.setPath(['outputs', 'gone'], 1);
    inner.rollback();
    expect(Object.keys(contextChanges(fork.value, parent.value, fork))).toEqual([
      'outputs',
      'a',
      'n',
    ]);
    expect(contextChanges(fork.value, parent.value, fork)).toEqual({
      outputs: { leaf: 'x' },
      a: { c: 2, d: 4 },
      n: 2,
    });
    // Replaced wholesale: nothing is known, everything is diffed.
    const replaced = parent.fork();
    replaced.replace({ n: 5, a: parent.value.a });
    replaced.setPath(['m'], 1);
    expect(contextChanges(replaced.value, { n: 1, a: { b: 1 } }, replaced)).toEqual({ n: 5, m: 1 });
  });

  it('ignores a value rewritten to an equal one (e.g. a context restored from JSON)', () => {
    const parent = { a: { list: [1, { x: 2 }] }, n: 3 };
    const restored = JSON.parse(JSON.stringify(parent)) as Dict;
    expect(contextChanges(restored, parent)).toEqual({});
  });
});

describe('mergeBranchContexts', () => {
  const parentOf = () =>
    ContextTx.create({ doc: { title: 'T', tags: ['a'] }, score: 0, flag: false, command_log: [] });

  it('context_update merges disjoint changes, unions lists without duplicates, last number wins', () => {
    const parent = parentOf();
    const a = branch('a', parent, (tx) => {
      tx.setPath(['doc', 'summary'], 'S');
      tx.setPath(['doc', 'tags'], ['a', 'b']);
      tx.setPath(['score'], 1);
    });
    const b = branch('b', parent, (tx) => {
      tx.setPath(['doc', 'tags'], ['a', 'b', 'c']);
      tx.setPath(['score'], 2);
    });
    const tx = parent.begin();
    expect(mergeBranchContexts(tx, 'context_update', [a, b])).toBeUndefined();
    expect(tx.value).toMatchObject({
      doc: { title: 'T', summary: 'S', tags: ['a', 'b', 'c'] },
      score: 2,
    });
  });

  it('context_update reports the first conflicting text or boolean leaf by its path', () => {
    const parent = parentOf();
    const a = branch('a', parent, (tx) => tx.setPath(['flag'], true));
    const b = branch('b', parent, (tx) => tx.setPath(['flag'], 'yes'));
    const c = branch('c', parent, (tx) => tx.setPath(['doc', 'title'], 'Other'));
    const d = branch('d', parent, (tx) => tx.setPath(['doc', 'title'], 'Mine'));
    const tx = parent.begin();
    expect(mergeBranchContexts(tx, 'context_update', [c, d])).toBe(
      "Merge conflict for key doc.title: branches 'c' and 'd' set different values.",
    );
    expect(mergeBranchContexts(tx, 'context_update', [a, b])).toBe(
      "Merge conflict for key flag: branches 'a' and 'b' set different values.",
    );
    expect(tx.value).toEqual(parent.value);
  });

  it('does not treat step_outputs as a conflict and never merges command_log', () => {
    const parent = ContextTx.create({ step_outputs: {}, command_log: [] });
    const a = branch('a', parent, (tx) => {
      tx.setPath(['step_outputs', 'work'], 'from a');
      tx.appendPath(['command_log'], 'a ran');
    });
    const b = branch('b', parent, (tx) => tx.setPath(['step_outputs', 'work'], 'from b'));
    const tx = parent.begin();
    expect(mergeBranchContexts(tx, 'context_update', [a, b])).toBeUndefined();
    expect(tx.value).toEqual({ step_outputs: { work: 'from b' }, command_log: [] });
  });

  it('field_mapping limits a listed branch to its fields; others merge fully', () => {
    const parent = parentOf();
    const a = branch('a', parent, (tx) => {
      tx.setPath(['score'], 5);
      tx.setPath(['flag'], true);
    });
    const b = branch('b', parent, (tx) => tx.setPath(['doc', 'title'], 'B'));
    const tx = parent.begin();
    mergeBranchContexts(tx, 'context_update', [a, b], { fieldMapping: { a: ['flag'] } });
    expect(tx.value).toMatchObject({ score: 0, flag: true, doc: { title: 'B' } });
  });

  it('overwrite replaces lists; keep_first keeps the first; error_on_conflict is strict', () => {
    const parent = parentOf();
    const a = branch('a', parent, (tx) => {
      tx.setPath(['doc', 'tags'], ['x']);
      tx.setPath(['score'], 1);
    });
    const b = branch('b', parent, (tx) => {
      tx.setPath(['doc', 'tags'], ['y']);
      tx.setPath(['score'], 2);
    });
    const overwrite = parent.begin();
    mergeBranchContexts(overwrite, 'overwrite', [a, b]);
    expect(overwrite.value).toMatchObject({ doc: { tags: ['y'] }, score: 2 });
    const keepFirst = parent.begin();
    mergeBranchContexts(keepFirst, 'keep_first', [a, b]);
    expect(keepFirst.value).toMatchObject({ doc: { tags: ['a', 'x', 'y'] }, score: 1 });
    expect(mergeBranchContexts(parent.begin(), 'error_on_conflict', [a, b])).toBe(
      "Merge conflict for key doc.tags: branches 'a' and 'b' set different values.",
    );
    const noMerge = parent.begin();
    mergeBranchContexts(noMerge, 'no_merge', [a, b]);
    expect(noMerge.value).toEqual(parent.value);
  });

  it('overwrite with context_include_keys writes only the included keys', () => {
    const parent = parentOf();
    const a = branch('a', parent, (tx) => {
      tx.setPath(['score'], 3);
      tx.setPath(['flag'], true);
    });
    const tx = parent.begin();
    mergeBranchContexts(tx, 'overwrite', [a], { contextIncludeKeys: ['score'] });
    expect(tx.value).toMatchObject({ score: 3, flag: false });
  });
});

describe('parallel runs: merge strategies as a user sees them (FLUJO-SPEC §8.7)', () => {
  it('context_update deep-merges each branch’s changes, unions lists, numbers last-wins', async () => {
    const { result } = await runYaml(
      fanYaml(
        '',
        `${set('a1', 'shared.a', 'A')}${set('a2', 'score', 1)}${set('a3', 'shared.tags', ['x', 'y'])}`,
        `${set('b1', 'shared.b', 'B')}${set('b2', 'score', 2)}${set('b3', 'shared.tags', ['x', 'z'])}`,
      ),
      { context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context.shared).toEqual({ n: 1, tags: ['x', 'y', 'z'], a: 'A', b: 'B' });
    expect(result.context.score).toBe(2);
    expect(Object.keys(result.context.step_outputs as object)).toEqual(
      expect.arrayContaining(['a1', 'b3', 'fan']),
    );
  });

  it('context_update fails on two branches setting one text field differently', async () => {
    const { result } = await runYaml(
      fanYaml('', set('a1', 'shared.mood', 'calm'), set('b1', 'shared.mood', 'angry')),
      { context: CONTEXT },
    );
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'fan').feedback).toBe(
      "Merge conflict for key shared.mood: branches 'a' and 'b' set different values.",
    );
    expect(result.context.shared).toEqual({ n: 1, tags: ['x'] });
  });

  it('context_update is no conflict when both branches set the same text', async () => {
    const { result } = await runYaml(
      fanYaml('', set('a1', 'verdict', 'done'), set('b1', 'verdict', 'done')),
      { context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context.verdict).toBe('done');
  });

  it('field_mapping copies only the listed fields of a branch', async () => {
    const { result } = await runYaml(
      fanYaml(
        '    field_mapping: { a: [verdict] }',
        `${set('a1', 'verdict', 'a')}${set('a2', 'score', 5)}`,
        set('b1', 'shared.b', 'B'),
      ),
      { context: CONTEXT },
    );
    expect(result.context).toMatchObject({ verdict: 'a', score: 0, shared: { b: 'B' } });
  });

  it('overwrite: the last declared branch wins and lists are replaced', async () => {
    const { result } = await runYaml(
      fanYaml(
        '    merge_strategy: overwrite',
        `${set('a1', 'verdict', 'a')}${set('a2', 'shared.tags', ['a'])}`,
        `${set('b1', 'verdict', 'b')}${set('b2', 'shared.tags', ['b'])}`,
      ),
      { context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context).toMatchObject({ verdict: 'b', shared: { n: 1, tags: ['b'] } });
  });

  it('overwrite with context_include_keys writes back only the included keys', async () => {
    const { result } = await runYaml(
      fanYaml(
        '    merge_strategy: OVERWRITE\n    context_include_keys: [verdict]',
        `${set('a1', 'verdict', 'a')}${set('a2', 'extra_key', 1)}`,
        set('b1', 'other', 'b'),
      ),
      { context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context.verdict).toBe('a');
    expect(result.context).not.toHaveProperty('extra_key');
    expect(result.context).not.toHaveProperty('other');
  });

  it('context_include_keys gives a branch only those keys and the built-in fields', async () => {
    let seen: string[] = [];
    const skills = fakeSkills({
      'skills.peek:keys': ({ context }) => {
        seen = Object.keys(context as object).sort();
        return 'peeked';
      },
    });
    const { result } = await runYaml(
      fanYaml(
        '    context_include_keys: [verdict]',
        `
        - name: peek
          uses: skills.peek:keys`,
        set('b1', 'score', 3),
      ),
      { skills, context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(seen).toContain('verdict');
    expect(seen).toContain('run_id');
    expect(seen).not.toContain('shared');
    expect(result.context.score).toBe(3);
    expect(result.context.shared).toEqual(CONTEXT.shared);
  });

  it('error_on_conflict fails on any differing value, numbers included', async () => {
    const { result } = await runYaml(
      fanYaml(
        '    merge_strategy: error_on_conflict',
        set('a1', 'score', 1),
        set('b1', 'score', 2),
      ),
      { context: CONTEXT },
    );
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'fan').feedback).toBe(
      "Merge conflict for key score: branches 'a' and 'b' set different values.",
    );
    expect(result.context.score).toBe(0);
  });

  it('error_on_conflict merges branches that agree or touch different keys', async () => {
    const { result } = await runYaml(
      fanYaml(
        '    merge_strategy: error_on_conflict',
        `${set('a1', 'score', 1)}${set('a2', 'verdict', 'a')}`,
        set('b1', 'score', 1),
      ),
      { context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context).toMatchObject({ score: 1, verdict: 'a' });
  });

  it('keep_first keeps the earlier declared branch’s values', async () => {
    const { result } = await runYaml(
      fanYaml(
        '    merge_strategy: Keep_First',
        `${set('a1', 'verdict', 'a')}${set('a2', 'score', 1)}`,
        `${set('b1', 'verdict', 'b')}${set('b2', 'shared.b', 'B')}`,
      ),
      { context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context).toMatchObject({ verdict: 'a', score: 1, shared: { b: 'B' } });
  });

  it('no_merge leaves the context as it was', async () => {
    const { result } = await runYaml(
      fanYaml('    merge_strategy: no_merge', set('a1', 'verdict', 'a'), set('b1', 'score', 9)),
      { context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context).toMatchObject({ verdict: 'open', score: 0 });
  });
});
