import { describe, expect, it } from 'vitest';
import { fakeOpenAiFetch, fakeSkills, pipelineOf, runYaml } from '../__fixtures__/engineHarness';
import { createDebugSession } from './createDebugSession';
import { executePipeline } from '../executePipeline';

const FIVE_STEPS = `
version: "0.1"
name: five
steps:
  - name: fetch_facts
    uses: skills.facts:fetch
  - name: remember
    agent: { id: flujo.builtins.context_set }
    input: { path: facts, value: "saved" }
  - name: draft
    uses: skills.writer:draft
  - kind: loop
    name: polish
    loop:
      max_loops: 2
      exit_expression: "'!' in previous_step"
      body:
        - name: exclaim
          input: "{{ previous_step }}!"
  - name: sign
    input: "{{ previous_step }} ({{ context.facts }}) -- {{ steps.fetch_facts }}"
`;

function skills() {
  return fakeSkills({
    'skills.facts:fetch': ({ input }) => `facts about ${String(input)}`,
    'skills.writer:draft': ({ input }) => `draft from ${JSON.stringify(input)}`,
  });
}

describe('run from here (issue 5)', () => {
  it('starting at the 3rd step reproduces the final output without calling steps 1–2', async () => {
    const pipeline = pipelineOf(FIVE_STEPS);
    const first = skills();
    const base = await runYaml(pipeline, { input: 'otters', skills: first });
    expect(base.result.status).toBe('succeeded');
    expect(first.calls).toEqual({ 'skills.facts:fetch': 1, 'skills.writer:draft': 1 });

    const second = skills();
    const rerun = await runYaml(pipeline, {
      input: 'otters',
      skills: second,
      from: { path: 'steps[2]', baseRun: base.result },
    });
    expect(rerun.result.status).toBe('succeeded');
    expect(rerun.result.output).toBe(base.result.output);
    expect(rerun.result.context.facts).toBe('saved');
    expect(second.calls).toEqual({ 'skills.writer:draft': 1 });
    const skipped = rerun.events.flatMap((event) => (event.type === 'step.skipped' ? [event] : []));
    expect(skipped.map((event) => [event.path, event.reason])).toEqual([
      ['steps[0]', 'replayed'],
      ['steps[1]', 'replayed'],
    ]);
    expect(
      rerun.events.some((event) => event.type === 'step.started' && event.path === 'steps[0]'),
    ).toBe(false);
  });

  it('starting inside a loop replays the body steps before it', async () => {
    const pipeline = pipelineOf(FIVE_STEPS);
    const base = await runYaml(pipeline, { input: 'otters', skills: skills() });
    const rerun = await runYaml(pipeline, {
      input: 'otters',
      skills: skills(),
      from: { path: 'steps[4]', baseRun: base.result },
    });
    expect(rerun.result.output).toBe(base.result.output);
    const replayed = rerun.events
      .filter((event) => event.type === 'step.skipped')
      .map((event) => event.path);
    expect(replayed).toContain('steps[3].loop.body[0]');
  });

  it('refuses clearly when the earlier run never reached a step before the start', async () => {
    const pipeline = pipelineOf(FIVE_STEPS);
    const rerun = await runYaml(pipeline, {
      input: 'otters',
      skills: skills(),
      from: { path: 'steps[2]', baseRun: { steps: [] } },
    });
    expect(rerun.result.status).toBe('failed');
    expect(rerun.result.error?.message).toContain("no successful result for step 'fetch_facts'");
  });

  it('the debugger starts at the chosen step when run from here', async () => {
    const pipeline = pipelineOf(FIVE_STEPS);
    const base = await runYaml(pipeline, { input: 'otters', skills: skills() });
    const session = createDebugSession({ pauseOnStart: true });
    const done = executePipeline(pipeline, {
      input: 'otters',
      skills: skills(),
      debug: session,
      from: { path: 'steps[2]', baseRun: base.result },
    });
    const stop = await session.waitForPause();
    expect(stop?.frames.at(-1)?.path).toBe('steps[2]');
    session.continue();
    expect((await done).status).toBe('succeeded');
  });
});

describe('mocks (issue 5)', () => {
  it('a mock replaces an LLM agent: no request is made and the step is marked mocked', async () => {
    const yaml = `
version: "0.1"
agents:
  writer:
    model: "openai:gpt-4o-mini"
    system_prompt: "Write."
steps:
  - name: write
    uses: agents.writer
  - name: after
    input: "got {{ previous_step }}"
`;
    const provider = fakeOpenAiFetch(() => ({
      text: 'real',
      promptTokens: 1,
      completionTokens: 1,
    }));
    const run = await runYaml(yaml, {
      input: 'x',
      agents: {
        fetch: provider.fetch,
        settings: { openai: { baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'k' } },
      },
      mocks: { 'steps[0]': 'pinned text' },
    });
    expect(run.result.status).toBe('succeeded');
    expect(run.result.output).toBe('got pinned text');
    expect(provider.requests).toHaveLength(0);
    expect(run.result.steps[0]?.metadata.mocked).toBe(true);
  });

  it('a mocked container returns its pinned output without running its body', async () => {
    const run = await runYaml(FIVE_STEPS, {
      input: 'otters',
      skills: skills(),
      mocks: { 'steps[3]': 'polished!' },
    });
    expect(run.result.status).toBe('succeeded');
    expect(String(run.result.output)).toContain('polished!');
    expect(run.events.some((event) => event.path === 'steps[3].loop.body[0]')).toBe(false);
  });
});
