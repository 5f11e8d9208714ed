import { describe, expect, it } from 'vitest';
import { resumePipeline } from '../resumePipeline';
import type { Checkpoint } from '../checkpoint';
import {
  fakeOpenAiFetch,
  fakeSkills,
  pipelineOf,
  runYaml,
  stepNamed,
  waitsForAbort,
} from '../__fixtures__/engineHarness';
import { CONTEXT, fanYaml, set } from './__fixtures__/parallelYaml';

describe('parallel: branches and outputs (FLUJO-SPEC §8.8)', () => {
  it('runs every branch on the same input and outputs {branch: last output}', async () => {
    const { result, events } = await runYaml(
      `
name: fan
steps:
  - kind: parallel
    name: fan
    branches:
      upper:
        - name: up
          input: "{{ previous_step | upper }}"
      twice:
        - name: one
          input: "{{ previous_step }}"
        - name: two
          input: "{{ previous_step }}{{ previous_step }}"
`,
      { input: 'hi' },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ upper: 'HI', twice: 'hihi' });
    const fan = stepNamed(result, 'fan');
    expect(fan.metadata).toMatchObject({
      executed_branches: ['upper', 'twice'],
      failed_branches: [],
    });
    expect(fan.children.map((child) => [child.name, child.branch])).toEqual([
      ['up', 'upper'],
      ['one', 'twice'],
      ['two', 'twice'],
    ]);
    const branchEvents = events.filter((event) => event.type.startsWith('branch.'));
    expect(branchEvents).toHaveLength(4);
  });

  it('isolates branches: a branch never sees what a sibling writes', async () => {
    const { result } = await runYaml(
      fanYaml(
        '',
        set('write', 'verdict', 'from a'),
        `
        - name: read
          input: "b saw {{ context.verdict }}"`,
      ),
      { context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toMatchObject({ b: 'b saw open' });
    expect(result.context.verdict).toBe('from a');
  });

  it('runs branches concurrently (one branch waits for a sibling to make progress)', async () => {
    let release: (value: string) => void = () => undefined;
    const gate = new Promise<string>((resolve) => {
      release = resolve;
    });
    const skills = fakeSkills({
      'skills.sync:wait': () => gate,
      'skills.sync:open': () => {
        release('opened by b');
        return 'b done';
      },
    });
    const { result } = await runYaml(
      fanYaml(
        '',
        `
        - name: wait
          uses: skills.sync:wait`,
        `
        - name: open
          uses: skills.sync:open`,
      ),
      { skills },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ a: 'opened by b', b: 'b done' });
  });

  it('sums the usage of 12 concurrent agent branches exactly', async () => {
    let call = 0;
    const { fetch } = fakeOpenAiFetch(() => {
      call += 1;
      return { text: `reply ${String(call)}`, promptTokens: 100, completionTokens: 50 };
    });
    const branches = Array.from(
      { length: 12 },
      (_, index) => `
      b${String(index)}:
        - name: ask${String(index)}
          uses: agents.writer`,
    ).join('');
    const { result } = await runYaml(
      `
name: usage
agents:
  writer:
    model: openai:test-model
    system_prompt: You write.
steps:
  - kind: parallel
    name: fan
    branches:${branches}
`,
      {
        input: 'go',
        agents: { fetch, settings: { openai: { baseUrl: 'http://llm.test/v1' } } },
        pricing: { 'test-model': { inputPerMillion: 1, outputPerMillion: 2 } },
      },
    );
    expect(result.status).toBe('succeeded');
    expect(call).toBe(12);
    expect(result.usage.tokens).toBe(12 * 150);
    expect(result.usage.costUsd).toBeCloseTo(12 * 0.0002, 12);
    const fan = stepNamed(result, 'fan');
    expect(fan.tokens).toBe(1800);
    expect(fan.costUsd).toBeCloseTo(0.0024, 12);
  });
});

describe('parallel: branch failures', () => {
  const skills = () =>
    fakeSkills({
      'skills.fail:now': () => {
        throw new Error('the model refused');
      },
    });
  const failing = `
        - name: boom
          uses: skills.fail:now
          config: { max_retries: 0 }`;

  it('propagate (default): one failed branch fails the step and nothing merges', async () => {
    const { result } = await runYaml(fanYaml('', set('write', 'verdict', 'a'), failing), {
      skills: skills(),
      context: CONTEXT,
    });
    expect(result.status).toBe('failed');
    const fan = stepNamed(result, 'fan');
    expect(fan.feedback).toBe("Failure in branch 'b': the model refused");
    expect(fan.metadata).toMatchObject({ executed_branches: ['a', 'b'], failed_branches: ['b'] });
    expect(result.context.verdict).toBe('open');
  });

  it('ignore: succeeds when one branch succeeds, merges only that branch', async () => {
    const { result } = await runYaml(
      fanYaml(
        '    on_branch_failure: ignore',
        set('write', 'verdict', 'a'),
        `${set('bwrite', 'shared.n', 9)}${failing}`,
      ),
      { skills: skills(), context: CONTEXT },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toMatchObject({
      b: { success: false, feedback: 'the model refused' },
    });
    expect(result.context.verdict).toBe('a');
    expect(result.context.shared).toEqual({ n: 1, tags: ['x'] });
    expect(stepNamed(result, 'fan').metadata).toMatchObject({ failed_branches: ['b'] });
  });

  it('ignore: fails when every branch failed', async () => {
    const { result } = await runYaml(fanYaml('    on_branch_failure: ignore', failing, failing), {
      skills: skills(),
    });
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'fan').feedback).toContain("All branches of 'fan' failed.");
  });
});

describe('parallel: reduce', () => {
  const reduceYaml = (reduce: string) => `
name: reduce
steps:
  - kind: parallel
    name: fan
    reduce: ${reduce}
    branches:
      a:
        - name: a
          input: { x: 1, list: [1] }
      b:
        - name: b
          input: { y: 2 }
      c:
        - name: c
          input: { x: 3 }
`;

  it.each([
    ['keys', ['a', 'b', 'c']],
    ['values', [{ x: 1, list: [1] }, { y: 2 }, { x: 3 }]],
    ['union', { x: 3, list: [1], y: 2 }],
    ['concat', [{ x: 1, list: [1] }, { y: 2 }, { x: 3 }]],
    ['first', { x: 1, list: [1] }],
    ['last', { x: 3 }],
    ['{ mode: last }', { x: 3 }],
  ])('%s', async (reduce, expected) => {
    const { result } = await runYaml(reduceYaml(reduce));
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual(expected);
  });

  it('concat extends lists and appends other values', async () => {
    const { result } = await runYaml(`
name: concat
steps:
  - kind: parallel
    name: fan
    reduce: concat
    branches:
      a: { name: a, input: [1, 2] }
      b: { name: b, input: "three" }
      c: { name: c, input: [4] }
`);
    expect(result.output).toEqual([1, 2, 'three', 4]);
  });

  it('majority_vote picks the most common output, ties to the first declared', async () => {
    const vote = (outputs: string[]) => `
name: vote
steps:
  - kind: parallel
    name: fan
    reduce: majority_vote
    branches:${outputs.map((output, index) => `\n      v${String(index)}: { name: v${String(index)}, input: ${output} }`).join('')}
`;
    expect((await runYaml(vote(['ship', 'hold', 'hold']))).result.output).toBe('hold');
    expect(
      (await runYaml(vote(['"{a: 1}"', '{ a: 1 }', 'maybe', '{ a: 1 }']))).result.output,
    ).toEqual({
      a: 1,
    });
    expect((await runYaml(vote(['ship', 'hold', 'hold', 'ship']))).result.output).toBe('ship');
  });

  it('a reducer callable runs as a JS skill of the same name', async () => {
    const skills = fakeSkills({
      'pkg.reducers:count': ({ input }) => Object.keys(input as object).length,
    });
    const { result } = await runYaml(reduceYaml('{ callable: "pkg.reducers:count" }'), { skills });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe(3);
  });

  it.each([
    ['code_consensus', 'needs a Python evaluator'],
    ['{ mode: judge_selection, evaluator: pkg.judge }', 'needs a Python evaluator'],
    ['"pkg.reducers:best"', 'is a Python callable the studio cannot run'],
  ])('%s fails with a ConfigurationError saying what to use', async (reduce, says) => {
    const { result } = await runYaml(reduceYaml(reduce));
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('ConfigurationError');
    const feedback = stepNamed(result, 'fan').feedback ?? '';
    expect(feedback).toContain(says);
    expect(feedback).toContain('majority_vote');
  });
});

describe('parallel: pause and cancellation', () => {
  it('pauses in a branch, cancels siblings, and resumes only that branch', async () => {
    let slowCalls = 0;
    const skills = fakeSkills({
      'skills.t:delay': async ({ input }) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return input;
      },
      'skills.t:quick': () => 'quick done',
      'skills.t:slow': (call) => {
        slowCalls += 1;
        return slowCalls === 1 ? waitsForAbort(call) : 'slow done';
      },
    });
    const yaml = `
name: review
steps:
  - kind: parallel
    name: fan
    branches:
      human:
        - name: wait
          uses: skills.t:delay
        - kind: hitl
          name: approve
          message: "Approve {{ previous_step }}?"
        - name: after
          input: "human said {{ previous_step }}"
      quick:
        - name: quick
          uses: skills.t:quick
          sink_to: quick_note
      slow:
        - name: slow
          uses: skills.t:slow
          config: { max_retries: 0 }
  - name: done
    input: "{{ previous_step.human }} / {{ previous_step.quick }} / {{ previous_step.slow }}"
`;
    const pipeline = pipelineOf(yaml);
    const { result: paused } = await runYaml(pipeline, { input: 'draft', skills });
    expect(paused.status).toBe('paused');
    expect(paused.checkpoint?.hitl.message).toBe('Approve draft?');
    expect(skills.calls['skills.t:quick']).toBe(1);
    expect(slowCalls).toBe(1);

    const checkpoint = JSON.parse(JSON.stringify(paused.checkpoint)) as Checkpoint;
    const resumed = await resumePipeline(pipeline, checkpoint, 'yes', { skills });
    expect(resumed.status).toBe('succeeded');
    expect(resumed.output).toBe('human said yes / quick done / slow done');
    expect(skills.calls['skills.t:quick']).toBe(1);
    expect(skills.calls['skills.t:delay']).toBe(1);
    expect(slowCalls).toBe(2);
    expect(resumed.context.quick_note).toBe('quick done');
    expect(stepNamed(resumed, 'fan').metadata).toMatchObject({
      executed_branches: ['human', 'quick', 'slow'],
    });
  });

  it('asks two branches’ questions one after the other without losing an answer', async () => {
    const pipeline = pipelineOf(`
name: twoQuestions
steps:
  - kind: parallel
    name: fan
    branches:
      a:
        - { kind: hitl, name: ask_a, message: "Approve a?" }
      b:
        - { kind: hitl, name: ask_b, message: "Approve b?" }
`);
    const first = (await runYaml(pipeline)).result;
    expect(first.status).toBe('paused');
    expect(first.checkpoint?.hitl.message).toBe('Approve a?');
    const roundTrip = (checkpoint: Checkpoint | undefined) =>
      JSON.parse(JSON.stringify(checkpoint)) as Checkpoint;
    const second = await resumePipeline(pipeline, roundTrip(first.checkpoint), 'yes to a');
    expect(second.status).toBe('paused');
    expect(second.checkpoint?.hitl.message).toBe('Approve b?');
    const done = await resumePipeline(pipeline, roundTrip(second.checkpoint), 'yes to b');
    expect(done.status).toBe('succeeded');
    expect(done.output).toEqual({ a: 'yes to a', b: 'yes to b' });
    expect(done.context.hitl_history).toHaveLength(2);
  });

  it('a budget breached in one branch stops the run with every branch’s partial results', async () => {
    const { fetch } = fakeOpenAiFetch(() => ({
      text: 'reply',
      promptTokens: 100,
      completionTokens: 50,
    }));
    const branches = ['a', 'b', 'c']
      .map((key) => `\n      ${key}:\n        - name: ask_${key}\n          uses: agents.writer`)
      .join('');
    const { result } = await runYaml(
      `
name: budget
agents:
  writer: { model: openai:test-model, system_prompt: You write. }
steps:
  - kind: parallel
    name: fan
    branches:${branches}
  - name: never
    input: unreachable
`,
      {
        input: 'go',
        limits: { totalTokens: 200 },
        agents: { fetch, settings: { openai: { baseUrl: 'http://llm.test/v1' } } },
        pricing: { 'test-model': { inputPerMillion: 1, outputPerMillion: 2 } },
      },
    );
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('UsageLimitExceeded');
    const fan = stepNamed(result, 'fan');
    expect(fan.children.map((child) => child.name)).toEqual(['ask_a', 'ask_b', 'ask_c']);
    expect(fan.children.some((child) => child.feedback?.includes('Token limit of 200'))).toBe(true);
    expect(result.steps.map((step) => step.name)).toEqual(['fan']);
  });

  it('a cancelled run stops every branch and reports their partial results', async () => {
    const controller = new AbortController();
    let started = 0;
    const skills = fakeSkills({
      'skills.t:hang': (call) => {
        started += 1;
        if (started === 2) controller.abort();
        return waitsForAbort(call);
      },
    });
    const { result } = await runYaml(
      fanYaml(
        '',
        `
        - name: a1
          uses: skills.t:hang`,
        `
        - name: b1
          uses: skills.t:hang`,
      ),
      { skills, signal: controller.signal },
    );
    expect(result.status).toBe('cancelled');
    const fan = stepNamed(result, 'fan');
    expect(fan.success).toBe(false);
    expect(fan.children.map((child) => child.name)).toEqual(['a1', 'b1']);
  });
});
