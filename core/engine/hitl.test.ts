import { describe, expect, it } from 'vitest';
import { pipelineOf, runYaml, stepNamed } from './__fixtures__/engineHarness';
import type { Checkpoint } from './checkpoint';
import { ConfigurationError, ValidationError } from './errors';
import { resumePipeline } from './resumePipeline';
import type { RunEvent } from './runEvent';
import type { RunResult } from './runTypes';

/** Resumes as a new process would: the YAML parsed anew, the checkpoint read back from JSON. */
async function resumeFresh(
  yaml: string,
  checkpoint: Checkpoint | undefined,
  answer: unknown,
): Promise<{ result: RunResult; events: RunEvent[] }> {
  if (checkpoint === undefined) throw new Error('the run did not pause');
  const stored = JSON.parse(JSON.stringify(checkpoint)) as Checkpoint;
  const events: RunEvent[] = [];
  const result = await resumePipeline(pipelineOf(yaml), stored, answer, {
    onEvent: (event) => events.push(event),
  });
  return { result, events };
}

const approval = `
name: approval
steps:
  - name: draft
    input: "draft of {{ previous_step }}"
    sink_to: draft
  - kind: hitl
    name: approve
    message: "Approve {{ previous_step }}?"
    sink_to: decision
  - name: publish
    input: "{{ previous_step }}: {{ context.draft }}"
`;

describe('HITL pause and resume (FLUJO-SPEC §8.11, DECISIONS 3)', () => {
  it('pauses with a JSON checkpoint and resumes exactly there in a new process', async () => {
    const first = await runYaml(approval, { input: 'essay' });
    expect(first.result.status).toBe('paused');
    expect(first.result.context).toMatchObject({
      status: 'paused',
      pause_message: 'Approve draft of essay?',
      hitl_data: { last_hitl_step: 'approve' },
    });
    expect(first.result.steps.map((step) => step.name)).toEqual(['draft', 'approve']);
    const requested = first.events.find((event) => event.type === 'hitl.requested');
    expect(requested).toMatchObject({ path: 'steps[1]', message: 'Approve draft of essay?' });
    expect(first.events.at(-1)?.type).toBe('run.paused');

    const second = await resumeFresh(approval, first.result.checkpoint, 'yes');
    expect(second.result.status).toBe('succeeded');
    expect(second.result.runId).toBe(first.result.runId);
    expect(second.result.output).toBe('yes: draft of essay');
    expect(second.result.steps.map((step) => step.name)).toEqual(['draft', 'approve', 'publish']);
    expect(second.result.context.decision).toBe('yes');
    expect(second.result.context.status).toBe('running');
    expect(second.result.context.hitl_history).toEqual([
      {
        message_to_human: 'Approve draft of essay?',
        human_response: 'yes',
        timestamp: expect.any(String) as unknown,
      },
    ]);
    expect(second.events[0]).toMatchObject({ type: 'run.resumed', stepName: 'approve' });
    const lastSeq = first.events.at(-1)?.seq ?? 0;
    expect(second.events[0]?.seq).toBeGreaterThan(lastSeq);
    // the draft step is not re-run
    expect(
      second.events.filter((event) => event.type === 'step.started').map((event) => event.path),
    ).toEqual(['steps[2]']);
  });

  it('validates the answer against input_schema and keeps the checkpoint usable', async () => {
    const yaml = `
name: typed
steps:
  - kind: hitl
    name: rate
    message: "Rate it"
    input_schema: { type: object, properties: { score: { type: integer } }, required: [score] }
  - name: show
    input: "score {{ previous_step.score }}"
`;
    const first = await runYaml(yaml);
    const checkpoint = first.result.checkpoint;
    await expect(resumeFresh(yaml, checkpoint, { score: 'high' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const second = await resumeFresh(yaml, checkpoint, { score: 4 });
    expect(second.result.status).toBe('succeeded');
    expect(second.result.output).toBe('score 4');
  });

  it('a checkpoint resumes once', async () => {
    const first = await runYaml(approval, { input: 'x' });
    await resumeFresh(approval, first.result.checkpoint, 'ok');
    await expect(resumeFresh(approval, first.result.checkpoint, 'again')).rejects.toBeInstanceOf(
      ConfigurationError,
    );
  });

  it('the default message is the step input', async () => {
    const { result } = await runYaml(
      `
name: bare
steps:
  - kind: hitl
    name: ask
`,
      { input: 'What is your name?' },
    );
    expect(result.checkpoint?.hitl.message).toBe('What is your name?');
  });

  it('flujo.builtins.ask_user pauses like a hitl step', async () => {
    const yaml = `
name: ask
steps:
  - name: ask
    agent: { id: flujo.builtins.ask_user }
    input: "Which city?"
  - name: echo
    input: "city={{ previous_step }}"
`;
    const first = await runYaml(yaml);
    expect(first.result.status).toBe('paused');
    expect(first.result.checkpoint?.hitl).toMatchObject({
      stepName: 'ask',
      message: 'Which city?',
    });
    const second = await resumeFresh(yaml, first.result.checkpoint, 'Lima');
    expect(second.result.output).toBe('city=Lima');
  });

  it('a hitl directly in a loop body resumes in the same iteration', async () => {
    const yaml = `
name: review
steps:
  - kind: loop
    name: rounds
    loop:
      max_loops: 3
      body:
        - name: propose
          input: "proposal {{ context.round }}"
        - kind: hitl
          name: review
          message: "Review {{ previous_step }}"
        - name: record
          input: "{{ previous_step }}"
          sink_to: verdict
      init:
        set: [{ target: context.round, value: "1" }]
      state:
        set: [{ target: context.round, value: "2" }]
      exit_expression: "context.verdict == 'done'"
`;
    const first = await runYaml(yaml);
    expect(first.result.status).toBe('paused');
    expect(first.result.checkpoint?.hitl.message).toBe('Review proposal 1');

    const second = await resumeFresh(yaml, first.result.checkpoint, 'again');
    expect(second.result.status).toBe('paused');
    expect(second.result.checkpoint?.hitl.message).toBe('Review proposal 2');
    const record = second.events.find(
      (event) => event.type === 'step.succeeded' && event.path === 'steps[0].loop.body[2]',
    );
    expect(record?.iteration).toBe(1);
    expect(
      second.events.filter((event) => event.type === 'loop.iteration').map((e) => e.iteration ?? 0),
    ).toHaveLength(1);

    const third = await resumeFresh(yaml, second.result.checkpoint, 'done');
    expect(third.result.status).toBe('succeeded');
    const loop = stepNamed(third.result, 'rounds');
    expect(loop.metadata).toMatchObject({ iterations: 2, exit_reason: 'condition' });
    expect(loop.children.map((child) => `${child.name}@${String(child.iteration)}`)).toEqual([
      'propose@1',
      'review@1',
      'record@1',
      'propose@2',
      'review@2',
      'record@2',
    ]);
    expect(third.result.context.hitl_history).toHaveLength(2);
    expect(third.result.context.verdict).toBe('done');
  });

  it('a hitl in a top-level conditional resumes in its branch', async () => {
    const yaml = `
name: branchy
steps:
  - kind: conditional
    name: c
    condition_expression: "'ask'"
    branches:
      ask:
        - kind: hitl
          name: q
          message: "Sure?"
        - name: after
          input: "answered {{ previous_step }}"
`;
    const first = await runYaml(yaml);
    expect(first.result.status).toBe('paused');
    const second = await resumeFresh(yaml, first.result.checkpoint, 'yes');
    expect(second.result.status).toBe('succeeded');
    expect(second.result.output).toBe('answered yes');
    expect(stepNamed(second.result, 'c').metadata.executed_branch_key).toBe('ask');
  });

  // Skipped until executePipeline.ts (owned by the performance helper; reported) also sets
  // `paused_step_input` (FLUJO-SPEC §8.11) next to status/pause_message/hitl_data on a pause.
  it('records the paused step input in the context', async () => {
    const first = await runYaml(approval, { input: 'essay' });
    expect(first.result.context.paused_step_input).toBe('draft of essay');
  });

  // Skipped until runStep.ts (reported) honours `options.mocks` for every kind: today only plain
  // steps look their path up, so a pinned hitl (or container) output is silently ignored.
  it('a mocked hitl step does not pause', async () => {
    const { result } = await runYaml(approval, { input: 'x', mocks: { 'steps[1]': 'pinned' } });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('pinned: draft of x');
  });

  it('refuses HITL-NESTED-001 layouts before any step runs', async () => {
    const { result, events } = await runYaml(`
name: nested
steps:
  - name: first
  - kind: loop
    name: l
    loop:
      body:
        - kind: conditional
          name: c
          branches:
            x:
              - kind: hitl
                name: deep
`);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('ConfigurationError');
    expect(result.error?.message).toContain('HITL-NESTED-001');
    expect(result.steps).toEqual([]);
    expect(events.some((event) => event.type === 'step.started')).toBe(false);
  });
});
