import { describe, expect, it } from 'vitest';
import { eventTypes, fakeSkills, runYaml, stepNamed } from '../__fixtures__/engineHarness';

const route = (expression: string, extra = ''): string => `
name: route
steps:
  - kind: conditional
    name: route
    condition_expression: "${expression}"
    branches:
      a:
        - name: in_a
          input: "A got {{ previous_step }}"
          sink_to: branch
      b:
        - name: in_b
          input: "B got {{ previous_step }}"
${extra}
`;

describe('conditional (FLUJO-SPEC §3.4, §8.6)', () => {
  it('runs the branch the expression names, with the step input', async () => {
    const { result, events } = await runYaml(route('previous_step'), { input: 'b' });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('B got b');
    expect(stepNamed(result, 'route').metadata.executed_branch_key).toBe('b');
    expect(eventTypes(events, 'steps[0]')).toEqual([
      'step.started',
      'branch.started',
      'branch.finished',
      'step.succeeded',
    ]);
    expect(stepNamed(result, 'in_b').branch).toBe('b');
  });

  it('commits the branch context on success', async () => {
    const { result } = await runYaml(route('previous_step'), { input: 'a' });
    expect(result.context.branch).toBe('A got a');
  });

  it('matches boolean results against the keys true/false', async () => {
    const { result } = await runYaml(
      `
name: bools
steps:
  - kind: conditional
    name: check
    condition_expression: "previous_step == 'yes'"
    branches:
      true: { name: t, input: "was yes" }
      false: { name: f, input: "was no" }
`,
      { input: 'yes' },
    );
    expect(result.output).toBe('was yes');
    expect(stepNamed(result, 'check').metadata.executed_branch_key).toBe('true');
  });

  it('runs default_branch when no key matches exactly', async () => {
    const { result } = await runYaml(
      route(
        'previous_step',
        '    default_branch:\n      - name: fallback\n        input: "default for {{ previous_step }}"',
      ),
      { input: 'A' },
    );
    expect(result.output).toBe('default for A');
    expect(stepNamed(result, 'route').metadata.executed_branch_key).toBe('default');
  });

  it('falls back to a case-insensitive match without default_branch', async () => {
    const { result } = await runYaml(route('previous_step'), { input: 'A' });
    expect(result.output).toBe('A got A');
    expect(stepNamed(result, 'route').metadata.executed_branch_key).toBe('a');
  });

  it('fails with "No branch found" when nothing matches', async () => {
    const { result } = await runYaml(route('previous_step'), { input: 'zzz' });
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'route').feedback).toMatch(/^No branch found for key "zzz"/);
  });

  it('an empty branch passes the input through', async () => {
    const { result } = await runYaml(
      `
name: empty
steps:
  - kind: conditional
    name: c
    condition_expression: "'skip'"
    branches:
      skip: []
      work: { name: w, input: "worked" }
`,
      { input: { keep: true } },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual({ keep: true });
  });

  it('reports a failing branch step as "Failure in branch" and keeps its writes out', async () => {
    const skills = fakeSkills({
      'skills.c:boom': () => {
        throw new Error('branch step broke');
      },
    });
    const { result } = await runYaml(
      `
name: failing
steps:
  - kind: conditional
    name: c
    condition_expression: "'x'"
    branches:
      x:
        - name: write
          input: "written"
          sink_to: wrote
        - name: boom
          uses: skills.c:boom
          config: { max_retries: 0 }
`,
      { skills },
    );
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'c').feedback).toBe("Failure in branch 'x': branch step broke");
    expect(result.context.wrote).toBeUndefined();
  });

  it('without condition picks the branch named by the input, else the first branch', async () => {
    const yaml = `
name: implicit
steps:
  - kind: conditional
    name: c
    branches:
      first: { name: f, input: "first" }
      second: { name: s, input: "second" }
`;
    expect((await runYaml(yaml, { input: 'second' })).result.output).toBe('second');
    expect((await runYaml(yaml, { input: 'other' })).result.output).toBe('first');
  });

  it('a non-key expression value fails the step with a clear message', async () => {
    const { result } = await runYaml(route('[1, 2]'), { input: 'a' });
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'route').feedback).toContain(
      'must be a string, a boolean or an integer',
    );
  });

  it('integer keys match integer results', async () => {
    const { result } = await runYaml(
      `
name: ints
steps:
  - kind: conditional
    name: c
    condition_expression: "context.n"
    branches:
      1: { name: one, input: "one" }
      2: { name: two, input: "two" }
`,
      { context: { n: 2 } },
    );
    expect(result.output).toBe('two');
  });
});
