import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../model';
import { parsePipelineYaml } from '../yaml';
import type { Checkpoint } from './checkpoint';
import { executePipeline } from './executePipeline';
import { resumePipeline } from './resumePipeline';
import type { RunEvent } from './runEvent';
import type { EventDraft } from './runState';
import type { StepResult } from './runTypes';
import type { TraceSpan } from './traceTree';
import { traceTreeFromEvents } from './traceTree';

function parse(text: string): Pipeline {
  const parsed = parsePipelineYaml(text);
  if (!parsed.pipeline) throw new Error('fixture did not parse');
  return parsed.pipeline;
}

function clock(): () => number {
  let now = 1000;
  return () => (now += 10);
}

async function eventsOf(yaml: string, input: unknown = 'in'): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  await executePipeline(parse(yaml), {
    input,
    runId: 'run-1',
    ports: { now: clock() },
    onEvent: (event) => events.push(event),
  });
  return events;
}

/** The tree as `name[iteration/branch](children)` lines, for readable assertions. */
function outline(span: TraceSpan, depth = 0): string[] {
  const where = [span.attributes['flujo.iteration'], span.attributes['flujo.branch']]
    .filter((part) => part !== undefined)
    .map(String)
    .join('/');
  const line = `${'  '.repeat(depth)}${span.name}${where === '' ? '' : `[${where}]`} ${span.status}`;
  return [line, ...span.children.flatMap((child) => outline(child, depth + 1))];
}

const LOOP_AND_BRANCH = `
name: traced
steps:
  - name: first
    input: "hi {{ previous_step }}"
  - kind: loop
    name: again
    loop:
      max_loops: 2
      body:
        - name: tick
          input: "{{ previous_step }}x"
      exit_expression: "previous_step == 'hi inxx'"
  - kind: conditional
    name: route
    condition_expression: "'yes'"
    branches:
      "yes":
        - name: chosen
`;

describe('traceTreeFromEvents', () => {
  it('has a pipeline_run root with the run attributes and one span per step execution', async () => {
    const tree = traceTreeFromEvents(await eventsOf(LOOP_AND_BRANCH));
    expect(tree.name).toBe('pipeline_run');
    expect(tree.attributes).toMatchObject({
      'flujo.input': 'in',
      'flujo.run_id': 'run-1',
      'flujo.pipeline.name': 'traced',
    });
    expect(outline(tree)).toEqual([
      'pipeline_run completed',
      '  first completed',
      '  again completed',
      '    tick[1] completed',
      '    tick[2] completed',
      '  route completed',
      '    chosen[yes] completed',
    ]);
  });

  it('gives each step span its id, type, attempt, cache flag and times', async () => {
    const tree = traceTreeFromEvents(await eventsOf(LOOP_AND_BRANCH));
    const [first, loop, route] = tree.children;
    expect(first?.attributes).toMatchObject({
      'flujo.step.id': 'steps[0]',
      'flujo.step.type': 'step',
      'flujo.attempt_number': 1,
      'flujo.cache.hit': false,
      success: true,
    });
    expect(first?.parentSpanId).toBe(tree.spanId);
    expect(loop?.children[0]?.parentSpanId).toBe(loop?.spanId);
    expect(loop?.attributes['flujo.step.type']).toBe('loop');
    expect(route?.children.map((span) => [span.name, span.attributes['flujo.branch']])).toEqual([
      ['chosen', 'yes'],
    ]);
    for (const span of [first, loop, route]) {
      expect(span?.endTime).toBeGreaterThan(span?.startTime ?? Infinity);
    }
    expect(tree.status).toBe('completed');
  });

  it('records retries and a triggered fallback as span events, the fallback as a child span', async () => {
    const events: RunEvent[] = [];
    await executePipeline(
      parse(`
steps:
  - name: primary
    uses: skills.flaky:call
    fallback:
      name: backup
`),
      {
        input: 'x',
        ports: { now: clock() },
        skills: {
          has: () => Promise.resolve(true),
          run: () => Promise.reject(new Error('boom')),
        },
        onEvent: (event) => events.push(event),
      },
    );
    const primary = traceTreeFromEvents(events).children[0];
    expect(primary?.status).toBe('completed');
    expect(primary?.events.map((event) => event.name)).toEqual([
      'flujo.retry',
      'flujo.fallback.triggered',
    ]);
    expect(primary?.attributes['flujo.attempt_number']).toBe(3);
    expect(primary?.children.map((span) => span.name)).toEqual(['backup']);
  });

  it('marks the HITL span paused, then resumed with the human input across the resume', async () => {
    const yaml = `
steps:
  - kind: loop
    name: rounds
    loop:
      max_loops: 1
      body:
        - kind: hitl
          name: ask
          message: "ok?"
  - name: after
`;
    const events: RunEvent[] = [];
    const paused = await executePipeline(parse(yaml), {
      input: 'x',
      ports: { now: clock() },
      onEvent: (event) => events.push(event),
    });
    const pausedTree = traceTreeFromEvents(events);
    expect(pausedTree.status).toBe('paused');
    expect(outline(pausedTree)).toEqual([
      'pipeline_run paused',
      '  rounds paused',
      '    ask[1] paused',
    ]);
    const checkpoint = JSON.parse(JSON.stringify(paused.checkpoint)) as Checkpoint;
    await resumePipeline(parse(yaml), checkpoint, 'sure', {
      ports: { now: clock() },
      onEvent: (event) => events.push(event),
    });
    const tree = traceTreeFromEvents(events);
    expect(outline(tree)).toEqual([
      'pipeline_run completed',
      '  rounds completed',
      '    ask[1] completed',
      '  after completed',
    ]);
    const ask = tree.children[0]?.children[0];
    expect(ask?.events.map((event) => [event.name, event.attributes])).toEqual([
      ['flujo.paused', { message: 'ok?' }],
      ['flujo.resumed', { human_input: 'sure' }],
    ]);
  });

  it('nests the steps of an imported child under the import step span', async () => {
    const child = parse('steps:\n  - name: inner\n');
    const events: RunEvent[] = [];
    await executePipeline(
      parse('imports:\n  kid: kid.yaml\nsteps:\n  - name: outer\n    uses: imports.kid\n'),
      {
        input: 'x',
        file: 'main.yaml',
        loader: { loadPipeline: () => Promise.resolve({ pipeline: child, file: 'kid.yaml' }) },
        onEvent: (event) => events.push(event),
      },
    );
    const tree = traceTreeFromEvents(events);
    expect(outline(tree)).toEqual([
      'pipeline_run completed',
      '  outer completed',
      '    inner completed',
    ]);
    expect(tree.children[0]?.children[0]?.attributes['flujo.step.id']).toBe(
      'steps[0].import.steps[0]',
    );
  });

  it('matches interleaved ends of concurrent branches by path and branch', () => {
    const events = synthetic([
      { type: 'run.started', path: '', pipelineName: 'p', input: 1 },
      started('steps[0]', 'fan', 'parallel'),
      started('steps[0].branches["a"][0]', 'work', 'step', { branch: 'a' }),
      started('steps[0].branches["b"][0]', 'work', 'step', { branch: 'b' }),
      {
        type: 'step.attempt',
        path: 'steps[0].branches["b"][0]',
        stepName: 'work',
        attempt: 2,
        branch: 'b',
      },
      {
        type: 'step.retrying',
        path: 'steps[0].branches["b"][0]',
        stepName: 'work',
        attempt: 2,
        reason: 'flaky',
        branch: 'b',
      },
      {
        type: 'cache.hit',
        path: 'steps[0].branches["a"][0]',
        stepName: 'work',
        key: 'k',
        branch: 'a',
      },
      ended('steps[0].branches["b"][0]', 'work', true, { branch: 'b' }, 2),
      ended('steps[0].branches["a"][0]', 'work', false, { branch: 'a' }),
      ended('steps[0]', 'fan', false),
      {
        type: 'run.failed',
        path: '',
        error: { code: 'ExecutionError', message: 'x' },
        usage: { costUsd: 0, tokens: 0 },
      },
    ]);
    const tree = traceTreeFromEvents(events);
    const [a, b] = tree.children[0]?.children ?? [];
    expect([a?.attributes['flujo.branch'], a?.status, a?.attributes['flujo.cache.hit']]).toEqual([
      'a',
      'failed',
      true,
    ]);
    expect([
      b?.attributes['flujo.branch'],
      b?.status,
      b?.attributes['flujo.attempt_number'],
    ]).toEqual(['b', 'completed', 2]);
    expect(b?.events).toEqual([
      {
        name: 'flujo.retry',
        at: 6,
        attributes: { reason: 'retry', delay_seconds: 0, attempt: 2, error: 'flaky' },
      },
    ]);
    expect(a?.endTime).toBe(9);
    expect(b?.endTime).toBe(8);
  });

  it('turns an end without a start (a background task) into a span of its latency', () => {
    const events = synthetic([
      { type: 'run.started', path: '', pipelineName: 'p', input: 1 },
      started('steps[0]', 'bg', 'step'),
      ended('steps[0]', 'bg', true),
      ended('steps[0]', 'bg', true, { branch: 'background:t1' }),
      { type: 'run.succeeded', path: '', output: 1, usage: { costUsd: 0, tokens: 0 } },
    ]);
    const tree = traceTreeFromEvents(events);
    expect(
      tree.children.map((span) => [span.name, span.attributes['flujo.branch'], span.startTime]),
    ).toEqual([
      ['bg', undefined, 2],
      ['bg', 'background:t1', 4 - 5],
    ]);
  });

  it('ends spans an interrupt unwound with the run', () => {
    const events = synthetic([
      { type: 'run.started', path: '', pipelineName: 'p', input: 1 },
      started('steps[0]', 'slow', 'step'),
      { type: 'run.cancelled', path: '', reason: 'stop' },
    ]);
    const tree = traceTreeFromEvents(events);
    expect(outline(tree)).toEqual(['pipeline_run cancelled', '  slow cancelled']);
    expect(tree.children[0]?.endTime).toBe(3);
  });
});

function synthetic(drafts: readonly EventDraft[]): RunEvent[] {
  return drafts.map((draft, index): RunEvent => ({
    ...draft,
    runId: 'r',
    seq: index + 1,
    at: index + 1,
  }));
}

function started(
  path: string,
  stepName: string,
  kind: string,
  where: { branch?: string; iteration?: number } = {},
): EventDraft {
  return { type: 'step.started', path, stepName, kind, input: null, ...where };
}

function ended(
  path: string,
  name: string,
  success: boolean,
  where: { branch?: string; iteration?: number } = {},
  attempts = 1,
): EventDraft {
  const result: StepResult = {
    name,
    path,
    kind: 'step',
    output: null,
    success,
    attempts,
    latencyMs: 5,
    tokens: 0,
    costUsd: 0,
    metadata: {},
    children: [],
    ...where,
  };
  return { type: success ? 'step.succeeded' : 'step.failed', path, result, ...where };
}
