import { describe, expect, it } from 'vitest';
import { fakeSkills, pipelineOf, runYaml, stepNamed } from '../__fixtures__/engineHarness';
import { LruCacheStore } from '../cache/lruCacheStore';
import type { Checkpoint } from '../checkpoint';
import { executePipeline } from '../executePipeline';
import { resumePipeline } from '../resumePipeline';

const cached = `
name: cached
steps:
  - kind: cache
    name: memo
    wrapped_step:
      name: expensive
      uses: skills.count:run
      config: { max_retries: 0 }
      updates_context: true
  - name: after
    input: "n={{ context.n }}"
`;

function counting(fail = 0) {
  let failures = fail;
  return fakeSkills({
    'skills.count:run': ({ input }) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('flaky');
      }
      return { n: `${String(input)}!` };
    },
  });
}

describe('cache (FLUJO-SPEC §3.9, §8.10)', () => {
  it('a second run with the same input hits the cache and re-applies updates_context', async () => {
    const cache = new LruCacheStore();
    const skills = counting();
    const first = await runYaml(cached, { input: 'a', cache, skills });
    expect(first.result.status).toBe('succeeded');
    expect(stepNamed(first.result, 'memo').metadata).toMatchObject({ cache_hit: false });
    const second = await runYaml(cached, { input: 'a', cache, skills });
    expect(second.result.status).toBe('succeeded');
    expect(skills.calls['skills.count:run']).toBe(1);
    const memo = stepNamed(second.result, 'memo');
    expect(memo.metadata).toMatchObject({ cache_hit: true });
    expect(memo.output).toEqual({ n: 'a!' });
    expect(memo.children.map((child) => [child.name, child.metadata.cache_hit])).toEqual([
      ['expensive', true],
    ]);
    expect(second.result.output).toBe('n=a!');
    expect(second.result.context.n).toBe('a!');
    const hit = second.events.find((event) => event.type === 'cache.hit');
    expect(hit).toMatchObject({ path: 'steps[0]', stepName: 'memo' });
    expect(hit?.type === 'cache.hit' && hit.key.startsWith('expensive:')).toBe(true);
  });

  it('a different input misses', async () => {
    const cache = new LruCacheStore();
    const skills = counting();
    await runYaml(cached, { input: 'a', cache, skills });
    const other = await runYaml(cached, { input: 'b', cache, skills });
    expect(skills.calls['skills.count:run']).toBe(2);
    expect(other.result.output).toBe('n=b!');
    expect(stepNamed(other.result, 'memo').metadata.cache_hit).toBe(false);
  });

  it('does not store failed results', async () => {
    const cache = new LruCacheStore();
    const skills = counting(1);
    const failed = await runYaml(cached, { input: 'a', cache, skills });
    expect(failed.result.status).toBe('failed');
    expect(cache.size).toBe(0);
    const retried = await runYaml(cached, { input: 'a', cache, skills });
    expect(retried.result.status).toBe('succeeded');
    expect(stepNamed(retried.result, 'memo').metadata.cache_hit).toBe(false);
    const third = await runYaml(cached, { input: 'a', cache, skills });
    expect(stepNamed(third.result, 'memo').metadata.cache_hit).toBe(true);
    expect(skills.calls['skills.count:run']).toBe(2);
  });

  it('concurrent identical calls run the wrapped step once', async () => {
    const cache = new LruCacheStore();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const skills = fakeSkills({
      'skills.count:run': async ({ input }) => {
        await gate;
        return { n: input };
      },
    });
    const pipeline = pipelineOf(cached);
    const runs = [1, 2, 3].map(() => executePipeline(pipeline, { input: 'same', cache, skills }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const results = await Promise.all(runs);
    expect(results.map((result) => result.output)).toEqual(['n=same', 'n=same', 'n=same']);
    expect(skills.calls['skills.count:run']).toBe(1);
    const hits = results.map((result) => stepNamed(result, 'memo').metadata.cache_hit);
    expect(hits.filter((hit) => hit === true)).toHaveLength(2);
  });

  it('without options.cache, runs of one process share the default store', async () => {
    const yaml = cached.replace('name: expensive', 'name: expensive_default_store');
    const skills = counting();
    await runYaml(yaml, { input: 'shared', skills });
    const second = await runYaml(yaml, { input: 'shared', skills });
    expect(stepNamed(second.result, 'memo').metadata.cache_hit).toBe(true);
    expect(skills.calls['skills.count:run']).toBe(1);
  });

  it('re-applies sink_to on a hit and costs nothing', async () => {
    const cache = new LruCacheStore();
    const skills = fakeSkills({ 'skills.count:run': ({ input }) => `got ${String(input)}` });
    const yaml = `
name: sink
steps:
  - kind: cache
    name: memo
    wrapped_step:
      name: fetch
      uses: skills.count:run
      sink_to: fetched
`;
    await runYaml(yaml, { input: 'x', cache, skills });
    const second = await runYaml(yaml, { input: 'x', cache, skills });
    expect(second.result.context.fetched).toBe('got x');
    expect(second.result.usage).toEqual({ costUsd: 0, tokens: 0 });
    expect(skills.calls['skills.count:run']).toBe(1);
  });

  it('a HITL wrapped step pauses and resumes; its answer is cached for the same input', async () => {
    const cache = new LruCacheStore();
    const yaml = `
name: askOnce
steps:
  - kind: cache
    name: memo
    wrapped_step:
      kind: hitl
      name: ask
      message: "Name for {{ previous_step }}?"
`;
    const first = await runYaml(yaml, { input: 'cat', cache });
    expect(first.result.status).toBe('paused');
    const checkpoint = JSON.parse(JSON.stringify(first.result.checkpoint)) as Checkpoint;
    expect(checkpoint.cursor.inner).toEqual({ kind: 'wrapped', inner: { kind: 'hitl' } });
    const resumed = await resumePipeline(pipelineOf(yaml), checkpoint, 'Tom', { cache });
    expect(resumed.status).toBe('succeeded');
    expect(resumed.output).toBe('Tom');
    const again = await runYaml(yaml, { input: 'cat', cache });
    expect(again.result.status).toBe('succeeded');
    expect(again.result.output).toBe('Tom');
    expect(stepNamed(again.result, 'memo').metadata.cache_hit).toBe(true);
  });

  it('a cache step without wrapped_step fails with a clear message', async () => {
    const { result } = await runYaml(`
name: empty
steps:
  - kind: cache
    name: memo
`);
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'memo').feedback).toBe(
      "Cache step 'memo' has no wrapped_step to run.",
    );
  });
});
