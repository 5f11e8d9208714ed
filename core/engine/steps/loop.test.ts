import { describe, expect, it } from 'vitest';
import { fakeSkills, runYaml, stepNamed } from '../__fixtures__/engineHarness';

const counter = `
name: counter
steps:
  - kind: loop
    name: count
    loop:
      max_loops: 10
      init:
        set:
          - target: context.items
            value: "start"
      body:
        - name: tick
          input: "tick {{ previous_step }}"
      exit_expression: "context.n == '3'"
      state:
        append:
          - target: context.log
            value: "{{ previous_step }}"
        set:
          - target: context.n
            value: "{{ context.log | length }}"
`;

describe('loop (FLUJO-SPEC §3.5, §8.5)', () => {
  it('runs until exit_expression holds, applying init once and state between iterations', async () => {
    const { result, events } = await runYaml(counter, { input: 'go' });
    expect(result.status).toBe('succeeded');
    const loop = stepNamed(result, 'count');
    expect(loop.metadata).toMatchObject({
      iterations: 4,
      exit_reason: 'condition',
      evaluated_expression: "context.n == '3'",
      evaluated_value: true,
    });
    expect(result.context.items).toBe('start');
    expect(result.context.log).toEqual(['tick go', 'tick tick go', 'tick tick tick go']);
    expect(result.context.n).toBe('3');
    expect(result.output).toBe('tick tick tick tick go');
    const indexes = events.flatMap((event) =>
      event.type === 'loop.iteration' ? [event.index] : [],
    );
    expect(indexes).toEqual([1, 2, 3, 4]);
    expect(loop.children.map((child) => child.iteration)).toEqual([1, 2, 3, 4]);
  });

  it('without exit check or max_loops runs exactly once and succeeds', async () => {
    const { result } = await runYaml(
      `
name: once
steps:
  - kind: loop
    name: l
    loop:
      body:
        - name: b
          input: "x{{ previous_step }}"
`,
      { input: '' },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('x');
    expect(stepNamed(result, 'l').metadata).toMatchObject({
      iterations: 1,
      exit_reason: 'condition',
    });
  });

  it('stops at the default max_loops (5) when the exit condition never holds', async () => {
    const { result } = await runYaml(
      `
name: capped
steps:
  - kind: loop
    name: l
    loop:
      body:
        - name: b
          input: "x{{ previous_step }}"
      exit_expression: "False"
`,
      { input: '' },
    );
    expect(result.status).toBe('failed');
    const loop = stepNamed(result, 'l');
    expect(loop.metadata).toMatchObject({ iterations: 5, exit_reason: 'max_loops' });
    expect(loop.feedback).toContain('reached max_loops (5)');
    expect(loop.output).toBe('xxxxx');
  });

  it('stops at an explicit max_loops', async () => {
    const { result } = await runYaml(
      `
name: capped
steps:
  - kind: loop
    name: l
    loop:
      max_loops: 3
      body:
        - name: b
          input: "x{{ previous_step }}"
      exit_expression: "previous_step == 'never'"
  - name: after
`,
      { input: '' },
    );
    expect(result.status).toBe('failed');
    expect(result.steps.map((step) => step.name)).toEqual(['l']);
    expect(stepNamed(result, 'l').metadata).toMatchObject({
      iterations: 3,
      exit_reason: 'max_loops',
    });
  });

  it('applies the output mapper also when max_loops ends the loop (DECISIONS 7)', async () => {
    const skills = fakeSkills({
      'skills.loops:wrap': ({ input }) => ({ final: input }),
    });
    const { result } = await runYaml(
      `
name: mapped
steps:
  - kind: loop
    name: l
    loop:
      max_loops: 2
      body:
        - name: b
          input: "x{{ previous_step }}"
      exit_expression: "False"
      loop_output_mapper: skills.loops:wrap
`,
      { input: '', skills },
    );
    const loop = stepNamed(result, 'l');
    expect(loop.output).toEqual({ final: 'xx' });
    expect(loop.metadata.exit_reason).toBe('max_loops');
  });

  it('applies the output mapper when the condition ends the loop', async () => {
    const skills = fakeSkills({ 'skills.loops:wrap': ({ input }) => `[${String(input)}]` });
    const { result } = await runYaml(
      `
name: mapped
steps:
  - kind: loop
    name: l
    loop:
      max_loops: 4
      body: { name: b, input: "x{{ previous_step }}" }
      exit_expression: "previous_step == 'xx'"
      loop_output_mapper: skills.loops:wrap
`,
      { input: '', skills },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('[xx]');
  });

  it('accepts the list form of init', async () => {
    const { result } = await runYaml(
      `
name: init
steps:
  - kind: loop
    name: l
    loop:
      init:
        - set: context.mode
          value: "fast"
        - append: { target: context.trail, value: "{{ previous_step }}" }
        - merge: context.meta
          value: '{"a": 1}'
      body: { name: b, input: "{{ context.mode }}" }
`,
      { input: 'seed' },
    );
    expect(result.output).toBe('fast');
    expect(result.context).toMatchObject({ mode: 'fast', trail: ['seed'], meta: { a: 1 } });
  });

  it('propagation next_input: context feeds the context to the next iteration', async () => {
    const seen: unknown[] = [];
    const skills = fakeSkills({
      'skills.loops:see': ({ input }) => {
        seen.push(input);
        return 'out';
      },
    });
    const { result } = await runYaml(
      `
name: prop
steps:
  - kind: loop
    name: l
    loop:
      max_loops: 2
      body: { name: b, uses: skills.loops:see }
      exit_expression: "False"
      propagation: { next_input: context }
`,
      { input: 'first', skills, context: { marker: 'm' } },
    );
    expect(seen[0]).toBe('first');
    expect(seen[1]).toMatchObject({ marker: 'm' });
    expect(stepNamed(result, 'l').metadata.exit_reason).toBe('max_loops');
  });

  it('a bare propagation string stores each output as loop_<n> and passes it on', async () => {
    const { result } = await runYaml(
      `
name: prop
steps:
  - kind: loop
    name: l
    loop:
      max_loops: 3
      body: { name: b, input: "x{{ previous_step }}" }
      exit_expression: "previous_step == 'xxx'"
      propagation: auto
`,
      { input: '' },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context).toMatchObject({ loop_1: 'x', loop_2: 'xx' });
    expect(result.output).toBe('xxx');
  });

  it('a failing multi-step body ends the loop with the inner feedback', async () => {
    const skills = fakeSkills({
      'skills.loops:fail': ({ input }) => {
        if (input === 'x') throw new Error('inner exploded');
        return input;
      },
    });
    const { result } = await runYaml(
      `
name: bodyfail
steps:
  - kind: loop
    name: l
    loop:
      max_loops: 3
      body:
        - name: prefix
          input: "x{{ previous_step }}"
          sink_to: context.seen
        - name: check
          uses: skills.loops:fail
          config: { max_retries: 0 }
      exit_expression: "False"
`,
      { input: '', skills },
    );
    expect(result.status).toBe('failed');
    const loop = stepNamed(result, 'l');
    expect(loop.feedback).toBe('Loop body failed: inner exploded');
    expect(loop.metadata).toMatchObject({ exit_reason: 'body_step_error', iterations: 1 });
    expect(result.context.seen).toBeUndefined();
  });

  it('a later iteration sees what earlier successful iterations wrote, never a failed one', async () => {
    const contexts: unknown[] = [];
    let calls = 0;
    const skills = fakeSkills({
      'skills.loops:step': ({ context }) => {
        calls += 1;
        contexts.push((context as Record<string, unknown>).last);
        if (calls === 2) throw new Error('second iteration fails');
        return `run${String(calls)}`;
      },
    });
    const { result } = await runYaml(
      `
name: isolation
steps:
  - kind: loop
    name: l
    loop:
      max_loops: 3
      body:
        - name: s
          uses: skills.loops:step
          sink_to: last
          config: { max_retries: 0 }
      exit_expression: "False"
`,
      { skills },
    );
    expect(contexts).toEqual([undefined, 'run1', 'run1']);
    expect(stepNamed(result, 'l').success).toBe(false);
  });

  it('a failing exit expression fails the loop', async () => {
    const { result } = await runYaml(`
name: badexit
steps:
  - kind: loop
    name: l
    loop:
      max_loops: 3
      body: { name: b }
      exit_expression: "nosuchfunction("
`);
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'l').feedback).toContain('Loop exit check failed');
  });
});
