import { describe, expect, it } from 'vitest';
import { fakeSkills, pipelineOf, runYaml, stepNamed } from '../__fixtures__/engineHarness';
import type { Checkpoint } from '../checkpoint';
import type { RunEvent } from '../runEvent';
import { resumePipeline } from '../resumePipeline';

const review = `
name: review
steps:
  - kind: StateMachine
    name: flow
    start_state: draft
    end_states: [done, rejected]
    states:
      draft:
        - name: write
          input: "draft of {{ previous_step }}"
          sink_to: doc
      review:
        - name: check
          uses: skills.review:run
          config: { max_retries: 0 }
    transitions:
      - from: draft
        on: success
        to: review
      - from: review
        on: success
        to: done
        when: "output.last_output == 'ok'"
      - from: "*"
        on: success
        to: draft
      - from: "*"
        on: failure
        to: rejected
  - name: after
    input: "after {{ context.current_state }}"
`;

function branchEvents(events: readonly RunEvent[]): string[] {
  return events.flatMap((event) =>
    event.type === 'branch.started'
      ? [`start ${event.key}`]
      : event.type === 'branch.finished'
        ? [`end ${event.key} ${String(event.success)}`]
        : [],
  );
}

describe('StateMachine (FLUJO-SPEC §3.11, §8.6)', () => {
  it('follows transitions (with when and *) to an end state, running each state on the original input', async () => {
    const verdicts = ['again', 'ok'];
    const seen: unknown[] = [];
    const skills = fakeSkills({
      'skills.review:run': ({ input }) => {
        seen.push(input);
        return verdicts.shift();
      },
    });
    const { result, events } = await runYaml(review, { input: 'essay', skills });
    expect(result.status).toBe('succeeded');
    const machine = stepNamed(result, 'flow');
    expect(machine.output).toBeNull();
    expect(machine.metadata).toMatchObject({
      visited_states: ['draft', 'review', 'draft', 'review'],
      final_state: 'done',
      hops: 4,
      exit_reason: 'end_state',
    });
    expect(seen).toEqual(['essay', 'essay']);
    expect(result.context).toMatchObject({ current_state: 'done', doc: 'draft of essay' });
    expect(result.output).toBe('after done');
    expect(machine.children.map((child) => `${child.name}@${String(child.branch)}`)).toEqual([
      'write@draft',
      'check@review',
      'write@draft',
      'check@review',
    ]);
    expect(branchEvents(events).slice(0, 4)).toEqual([
      'start draft',
      'end draft true',
      'start review',
      'end review true',
    ]);
  });

  it('takes a failure transition and rolls back the failed state context', async () => {
    const skills = fakeSkills({
      'skills.review:run': () => {
        throw new Error('reviewer unavailable');
      },
    });
    const { result } = await runYaml(review, { input: 'essay', skills });
    expect(result.status).toBe('succeeded');
    const machine = stepNamed(result, 'flow');
    expect(machine.success).toBe(true);
    expect(machine.metadata).toMatchObject({
      visited_states: ['draft', 'review'],
      final_state: 'rejected',
    });
    expect(result.context.current_state).toBe('rejected');
  });

  it('starts at context.current_state when it is set', async () => {
    const skills = fakeSkills({ 'skills.review:run': () => 'ok' });
    const { result } = await runYaml(review, {
      input: 'essay',
      skills,
      context: { current_state: 'review' },
    });
    expect(stepNamed(result, 'flow').metadata).toMatchObject({
      visited_states: ['review'],
      final_state: 'done',
    });
  });

  it('stops after max(1, 10 × states) hops and still succeeds', async () => {
    const { result } = await runYaml(`
name: pingpong
steps:
  - kind: StateMachine
    name: flow
    start_state: ping
    states:
      ping: [{ name: a }]
      pong: [{ name: b }]
    transitions:
      - { from: ping, on: success, to: pong }
      - { from: pong, on: success, to: ping }
`);
    expect(result.status).toBe('succeeded');
    const machine = stepNamed(result, 'flow');
    expect(machine.metadata).toMatchObject({ hops: 20, exit_reason: 'max_hops' });
    expect(machine.children).toHaveLength(20);
  });

  it('falls back to context.next_state, then to a next_state key of the output, and stops without one', async () => {
    const { result } = await runYaml(`
name: fallback
steps:
  - kind: StateMachine
    name: flow
    start_state: one
    states:
      one:
        - name: pick
          agent: { id: flujo.builtins.context_set }
          input: { path: next_state, value: two }
      two:
        - name: emit
          input: { next_state: three }
      three:
        - name: stay
          input: "end"
`);
    expect(result.status).toBe('succeeded');
    expect(stepNamed(result, 'flow').metadata).toMatchObject({
      visited_states: ['one', 'two', 'three'],
      final_state: 'three',
      exit_reason: 'no_transition',
      hops: 3,
    });
  });

  it('fails on an unknown state, listing the states', async () => {
    const { result } = await runYaml(`
name: ghost
steps:
  - kind: StateMachine
    name: flow
    start_state: one
    states:
      one:
        - name: emit
          input: { next_state: ghost }
      two: [{ name: x }]
`);
    expect(result.status).toBe('failed');
    expect(stepNamed(result, 'flow').feedback).toBe(
      "StateMachine 'flow' has no state 'ghost' (states: one, two).",
    );
  });

  it('applies the pause transition, pauses, and resumes in the same state', async () => {
    const yaml = `
name: approval
steps:
  - kind: StateMachine
    name: flow
    start_state: ask
    end_states: [done, waiting]
    states:
      ask:
        - name: intro
          input: "question about {{ previous_step }}"
        - kind: hitl
          name: approve
          message: "{{ previous_step }}?"
    transitions:
      - { from: ask, on: pause, to: waiting }
      - { from: ask, on: success, to: done }
`;
    const first = await runYaml(yaml, { input: 'tax' });
    expect(first.result.status).toBe('paused');
    const checkpoint = first.result.checkpoint;
    if (checkpoint === undefined) throw new Error('no checkpoint');
    expect(checkpoint.hitl.message).toBe('question about tax?');
    expect(JSON.stringify(checkpoint.cursor)).toContain('"current_state":"waiting"');
    const stored = JSON.parse(JSON.stringify(checkpoint)) as Checkpoint;
    const events: RunEvent[] = [];
    const second = await resumePipeline(pipelineOf(yaml), stored, 'yes', {
      onEvent: (event) => events.push(event),
    });
    expect(second.status).toBe('succeeded');
    expect(second.context.current_state).toBe('done');
    const machine = stepNamed(second, 'flow');
    expect(machine.metadata).toMatchObject({
      visited_states: ['ask'],
      final_state: 'done',
      hops: 1,
    });
    expect(machine.children.map((child) => child.name)).toEqual(['intro', 'approve']);
    expect(
      events.filter((event) => event.type === 'step.started').map((event) => event.path),
    ).toEqual([]);
  });
});
