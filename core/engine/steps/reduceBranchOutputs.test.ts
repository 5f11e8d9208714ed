import { describe, expect, it } from 'vitest';
import { createStep } from '../../model';
import type { ReduceSpec } from '../../model';
import type { RunState } from '../runState';
import type { SkillRunner } from '../runOptions';
import { fakeSkills } from '../__fixtures__/engineHarness';
import type { BranchOutput } from './reduceBranchOutputs';
import { reduceBranchOutputs } from './reduceBranchOutputs';

const STEP = createStep('parallel', 'fan');

/** Only `options.skills` of the run is read by a reducer. */
function runWith(skills?: SkillRunner): RunState {
  return { options: skills === undefined ? {} : { skills } } as unknown as RunState;
}

const OUTPUTS: readonly BranchOutput[] = [
  { key: 'a', success: true, output: { x: 1 } },
  { key: 'b', success: false, output: { success: false, feedback: 'boom', output: null } },
  { key: 'c', success: true, output: [2, 3] },
  { key: 'd', success: true, output: { x: 4, y: 5 } },
];

async function reduce(spec: ReduceSpec | undefined, skills?: SkillRunner) {
  return reduceBranchOutputs(
    STEP,
    spec,
    OUTPUTS,
    {},
    runWith(skills),
    new AbortController().signal,
  );
}

describe('reduceBranchOutputs', () => {
  it('without reduce gives {branch: output} in declared order, failures included', async () => {
    const reduced = await reduce(undefined);
    expect(reduced).toEqual({
      ok: true,
      value: {
        a: { x: 1 },
        b: { success: false, feedback: 'boom', output: null },
        c: [2, 3],
        d: { x: 4, y: 5 },
      },
    });
  });

  it.each<[string, unknown]>([
    ['keys', ['a', 'b', 'c', 'd']],
    ['union', { x: 4, y: 5 }],
    ['concat', [{ x: 1 }, 2, 3, { x: 4, y: 5 }]],
    ['first', { x: 1 }],
    ['last', { x: 4, y: 5 }],
    ['Majority_Vote', { x: 1 }],
  ])('preset %s', async (preset, expected) => {
    expect(await reduce(preset)).toEqual({ ok: true, value: expected });
    expect(await reduce({ mode: preset, extra: {} })).toEqual({ ok: true, value: expected });
  });

  it('values keeps a failed branch’s failure object', async () => {
    const reduced = await reduce('values');
    expect(reduced.ok && reduced.value).toContainEqual({
      success: false,
      feedback: 'boom',
      output: null,
    });
  });

  it('hands the output map and the context to a JS skill reducer', async () => {
    const skills = fakeSkills({
      'my.reducers:pick': ({ input }) => (input as Record<string, unknown>).c,
    });
    expect(await reduce({ callable: 'my.reducers:pick', extra: {} }, skills)).toEqual({
      ok: true,
      value: [2, 3],
    });
  });

  it('explains that Python-only reducers cannot run and what to use instead', async () => {
    const consensus = await reduce('code_consensus');
    expect(consensus.ok).toBe(false);
    if (consensus.ok) return;
    expect(consensus.error.code).toBe('ConfigurationError');
    expect(consensus.error.message).toContain('needs a Python evaluator');
    expect(consensus.error.suggestion).toContain('majority_vote');
    const python = await reduce({ path: 'pkg.mod:fn', extra: {} });
    expect(python.ok ? '' : python.error.message).toContain(
      "pkg.mod:fn of step 'fan' is a Python callable",
    );
  });

  it('reports a reducer skill that throws as an execution error', async () => {
    const skills = fakeSkills({
      'my.reducers:bad': () => {
        throw new Error('no quorum');
      },
    });
    const reduced = await reduce('my.reducers:bad', skills);
    expect(reduced.ok ? '' : reduced.error.message).toBe(
      "The reducer my.reducers:bad of step 'fan' failed: no quorum",
    );
  });
});
