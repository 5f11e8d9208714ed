import { describe, expect, it } from 'vitest';
import { fakeSkills, pipelineOf, runYaml, stepNamed } from '../__fixtures__/engineHarness';
import type { Checkpoint } from '../checkpoint';
import { resumePipeline } from '../resumePipeline';
import type { RunOptions } from '../runOptions';
import type { RunResult } from '../runTypes';

function mapOf(body: string, extra = ''): string {
  return `
name: mapper
steps:
  - kind: map
    name: each
    map:
      iterable_input: items
${extra}
      body:
${body}
`;
}

const shout = `
        - name: shout
          input: "{{ previous_step | upper }}!"`;

function iterationIndexes(events: readonly { type: string }[]): number[] {
  return events.flatMap((event) =>
    event.type === 'loop.iteration' && 'index' in event ? [event.index as number] : [],
  );
}

describe('map (FLUJO-SPEC §3.6, §8.5)', () => {
  it('runs the body once per context item, in order, each item as the input', async () => {
    const { result, events } = await runYaml(mapOf(shout), { context: { items: ['a', 'b'] } });
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual(['A!', 'B!']);
    const map = stepNamed(result, 'each');
    expect(map.metadata).toMatchObject({ iterations: 2, failed_items: [] });
    expect(map.children.map((child) => [child.name, child.iteration])).toEqual([
      ['shout', 0],
      ['shout', 1],
    ]);
    expect(iterationIndexes(events)).toEqual([0, 1]);
  });

  it('reads a list set by an earlier step and tolerates a leading context.', async () => {
    const yaml = `
name: fromStep
steps:
  - name: put
    agent: { id: flujo.builtins.context_set }
    input: { path: words, value: [x, y, z] }
  - kind: map
    name: each
    map:
      iterable_input: context.words
      body:
        - name: wrap
          input: "<{{ previous_step }}>"
`;
    const { result } = await runYaml(yaml);
    expect(result.output).toEqual(['<x>', '<y>', '<z>']);
  });

  it('renders finalize.output_template over the list', async () => {
    const finalize = `
      finalize:
        output_template: "{{ previous_step | join(', ') }}"`;
    const { result } = await runYaml(mapOf(shout, finalize), { context: { items: ['a', 'b'] } });
    expect(result.output).toBe('A!, B!');
  });

  it('renders finalize.output as a dict of templates', async () => {
    const finalize = `
      finalize:
        output:
          count: "{{ previous_step | length }}"
          all: "{{ previous_step | join('+') }}"`;
    const { result } = await runYaml(mapOf(shout, finalize), { context: { items: ['a', 'b'] } });
    expect(result.output).toEqual({ count: '2', all: 'A!+B!' });
  });

  it('runs init once before the first item and merges item contexts back', async () => {
    const body = `
        - name: log
          agent: { id: flujo.builtins.context_set }
          input: { path: last, value: seen }`;
    const init = `
      init:
        - set: context.started
          value: "yes"`;
    const { result } = await runYaml(mapOf(body, init), { context: { items: [1, 2, 3] } });
    expect(result.status).toBe('succeeded');
    expect(result.context).toMatchObject({ started: 'yes', last: 'seen' });
  });

  it('an empty list gives []', async () => {
    const { result } = await runYaml(mapOf(shout), { context: { items: [] } });
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual([]);
  });

  it('fails with a message naming the key when the list is missing or not a list', async () => {
    const missing = await runYaml(mapOf(shout));
    expect(missing.result.status).toBe('failed');
    expect(stepNamed(missing.result, 'each').feedback).toMatch(
      /needs a list at context\.items .*the context has no 'items'/,
    );
    const text = await runYaml(mapOf(shout), { context: { items: 'abc' } });
    expect(stepNamed(text.result, 'each').feedback).toMatch(/context\.items is a string/);
    const dict = await runYaml(mapOf(shout), { context: { items: { a: 1 } } });
    expect(stepNamed(dict.result, 'each').feedback).toMatch(/context\.items is a dict/);
  });

  it('a failed single-step body keeps going; the slot holds the failed output', async () => {
    const skills = fakeSkills({
      'skills.pick:run': ({ input }) => {
        if (input === 'bad') throw new Error('cannot handle bad');
        return `ok ${String(input)}`;
      },
    });
    const body = `
        - name: pick
          uses: skills.pick:run
          config: { max_retries: 0 }`;
    const { result } = await runYaml(mapOf(body), {
      context: { items: ['a', 'bad', 'c'] },
      skills,
    });
    expect(result.status).toBe('succeeded');
    expect(result.output).toEqual(['ok a', undefined, 'ok c']);
    const map = stepNamed(result, 'each');
    expect(map.success).toBe(true);
    expect(map.metadata).toMatchObject({ iterations: 3, failed_items: [1] });
  });

  it('a failing step of a multi-step body fails the map', async () => {
    const skills = fakeSkills({
      'skills.pick:run': ({ input }) => {
        if (input === 'bad') throw new Error('cannot handle bad');
        return input;
      },
    });
    const body = `
        - name: pick
          uses: skills.pick:run
          config: { max_retries: 0 }
        - name: after
          input: "{{ previous_step }}!"`;
    const { result } = await runYaml(mapOf(body), {
      context: { items: ['a', 'bad', 'c'] },
      skills,
    });
    expect(result.status).toBe('failed');
    const map = stepNamed(result, 'each');
    expect(map.feedback).toMatch(/^Map body failed for item 1: .*cannot handle bad/);
    expect(skills.calls['skills.pick:run']).toBe(2);
  });

  it('pauses at a HITL in the body and resumes at the same item, producing the full list', async () => {
    const yaml = mapOf(`
        - name: label
          uses: skills.label:run
        - kind: hitl
          name: ask
          message: "Keep {{ previous_step }}?"
        - name: verdict
          input: "{{ steps.label }}={{ previous_step }}"`);
    const skills = fakeSkills({ 'skills.label:run': ({ input }) => `L-${String(input)}` });
    const options: RunOptions = { context: { items: ['a', 'b', 'c'] }, skills };
    const first = await runYaml(yaml, options);
    expect(first.result.status).toBe('paused');
    expect(first.result.checkpoint?.hitl.message).toBe('Keep L-a?');
    const second = await resumeFresh(yaml, first.result.checkpoint, 'yes', skills);
    expect(second.status).toBe('paused');
    expect(second.checkpoint?.hitl.message).toBe('Keep L-b?');
    const third = await resumeFresh(yaml, second.checkpoint, 'no', skills);
    expect(third.checkpoint?.hitl.message).toBe('Keep L-c?');
    const last = await resumeFresh(yaml, third.checkpoint, 'yes', skills);
    expect(last.status).toBe('succeeded');
    expect(last.output).toEqual(['L-a=yes', 'L-b=no', 'L-c=yes']);
    // every item's first step ran exactly once across the pauses
    expect(skills.calls['skills.label:run']).toBe(3);
    const map = stepNamed(last, 'each');
    expect(map.children.map((child) => `${child.name}@${String(child.iteration)}`)).toEqual([
      'label@0',
      'ask@0',
      'verdict@0',
      'label@1',
      'ask@1',
      'verdict@1',
      'label@2',
      'ask@2',
      'verdict@2',
    ]);
  });
});

/** Resumes as a new process would: the YAML parsed anew, the checkpoint read back from JSON. */
async function resumeFresh(
  yaml: string,
  checkpoint: Checkpoint | undefined,
  answer: unknown,
  skills: RunOptions['skills'],
): Promise<RunResult> {
  if (checkpoint === undefined) throw new Error('the run did not pause');
  const stored = JSON.parse(JSON.stringify(checkpoint)) as Checkpoint;
  return resumePipeline(pipelineOf(yaml), stored, answer, skills === undefined ? {} : { skills });
}
