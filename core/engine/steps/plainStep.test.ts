import { describe, expect, it } from 'vitest';
import { fakeSkills, runYaml, stepNamed } from '../__fixtures__/engineHarness';

describe('plain steps (FLUJO-SPEC §3.2, §4)', () => {
  it('runs template steps in order, each seeing the previous output', async () => {
    const { result } = await runYaml(
      `
name: seq
steps:
  - name: greet
    input: "Hello {{ previous_step }}"
  - name: shout
    input: "{{ previous_step | upper }}!"
`,
      { input: 'world' },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('HELLO WORLD!');
    expect(result.steps.map((step) => step.output)).toEqual(['Hello world', 'HELLO WORLD!']);
  });

  it('passes a non-string input through verbatim', async () => {
    const { result } = await runYaml(`
name: verbatim
steps:
  - name: data
    input: { a: 1, list: [x, "{{ not_rendered }}"] }
`);
    expect(result.output).toEqual({ a: 1, list: ['x', '{{ not_rendered }}'] });
  });

  it('without input: and agent passes its input through', async () => {
    const { result } = await runYaml(
      `
name: pass
steps:
  - name: same
`,
      { input: { n: 3 } },
    );
    expect(result.output).toEqual({ n: 3 });
  });

  it('renders the input on every attempt over the context of that attempt', async () => {
    const seen: unknown[] = [];
    let calls = 0;
    const skills = fakeSkills({
      'skills.flaky:run': ({ input }) => {
        seen.push(input);
        calls += 1;
        if (calls === 1) throw new Error('first attempt fails');
        return input;
      },
    });
    const { result } = await runYaml(
      `
name: perAttempt
steps:
  - name: set
    agent: { id: flujo.builtins.context_set }
    input: { path: who, value: Ada }
  - name: flaky
    uses: skills.flaky:run
    input: "hi {{ context.who }}"
`,
      { skills },
    );
    expect(result.status).toBe('succeeded');
    expect(seen).toEqual(['hi Ada', 'hi Ada']);
    expect(stepNamed(result, 'flaky').attempts).toBe(2);
  });

  it('mocks replace a step by path without running it', async () => {
    const skills = fakeSkills({ 'skills.x:run': () => 'real' });
    const { result } = await runYaml(
      `
name: mocked
steps:
  - name: a
    uses: skills.x:run
  - name: b
    input: "got {{ previous_step }}"
`,
      { skills, mocks: { 'steps[0]': 'pinned' } },
    );
    expect(result.output).toBe('got pinned');
    expect(skills.calls['skills.x:run']).toBeUndefined();
    expect(stepNamed(result, 'a').metadata.mocked).toBe(true);
  });
});

describe('unresolvable agents are ConfigurationErrors (DECISIONS 1, 9)', () => {
  it.each([
    ['an unknown built-in', 'agent: { id: flujo.builtins.does_not_exist }'],
    ['an undeclared agent', 'uses: agents.missing'],
    ['a Python path without a skill runner', 'uses: my_pkg.tools:summarize'],
    ['a JS skill without a skill runner', 'uses: skills.text:clean'],
  ])('%s fails the run after one attempt', async (_label, agentLine) => {
    const { result } = await runYaml(`
name: unresolvable
steps:
  - name: broken
    ${agentLine}
  - name: never
`);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('ConfigurationError');
    expect(result.steps).toHaveLength(1);
    expect(stepNamed(result, 'broken').attempts).toBe(1);
    expect(stepNamed(result, 'broken').output).toBeUndefined();
  });

  it('a Python path without a JS stand-in fails even with a skill runner', async () => {
    const { result } = await runYaml(
      `
name: py
steps:
  - name: py
    uses: my_pkg.tools:summarize
`,
      { skills: fakeSkills({}), input: 'text' },
    );
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('ConfigurationError');
    expect(result.error?.message).toContain('my_pkg.tools:summarize');
    expect(stepNamed(result, 'py').attempts).toBe(1);
  });

  it('a Python path with a JS stand-in runs the stand-in', async () => {
    const skills = fakeSkills({
      'my_pkg.tools:summarize': ({ input }) => `summary of ${String(input)}`,
    });
    const { result } = await runYaml(
      `
name: py
steps:
  - name: py
    uses: my_pkg.tools:summarize
`,
      { skills, input: 'text' },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('summary of text');
  });
});

describe('context updates (FLUJO-SPEC §8.7)', () => {
  it('updates_context deep-merges a dict output; steps.<name> sees recorded outputs', async () => {
    const { result } = await runYaml(
      `
name: merge
steps:
  - name: profile
    input: { user: { name: Ada }, tags: [a] }
    updates_context: true
  - name: more
    input: { user: { lang: en } }
    updates_context: true
  - name: use
    input: "{{ context.user.name }}/{{ context.user.lang }}/{{ steps.profile.output.user.name }}"
`,
      { context: { user: { id: 7 } } },
    );
    expect(result.status).toBe('succeeded');
    expect(result.context.user).toEqual({ id: 7, name: 'Ada', lang: 'en' });
    expect(result.context.tags).toEqual(['a']);
    expect(result.output).toBe('Ada/en/Ada');
  });

  it('updates_context ignores a non-dict output', async () => {
    const { result } = await runYaml(`
name: nondict
steps:
  - name: text
    input: "just text"
    updates_context: true
`);
    expect(result.status).toBe('succeeded');
    expect(Object.keys(result.context)).not.toContain('0');
  });

  it('sink_to stores the output at a path whose parents exist', async () => {
    const { result } = await runYaml(
      `
name: sink
steps:
  - name: s
    input: "value"
    sink_to: box.inner
`,
      { context: { box: {} } },
    );
    expect(result.context.box).toEqual({ inner: 'value' });
  });

  it('sink_to into a missing parent fails the step and says why', async () => {
    const { result } = await runYaml(`
name: sink
steps:
  - name: s
    input: "value"
    sink_to: nowhere.inner
`);
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 's').feedback).toContain('context.nowhere does not exist');
  });
});
