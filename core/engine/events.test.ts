import { describe, expect, it } from 'vitest';
import { fakeSkills, pipelineOf, runYaml, waitsForAbort } from './__fixtures__/engineHarness';
import type { RunEvent } from './runEvent';
import type { RunStreamItem } from './runEvents';
import { runEvents } from './runEvents';

const mixed = `
name: mixed
steps:
  - name: first
    input: "a"
  - kind: loop
    name: l
    loop:
      max_loops: 3
      body:
        - name: body
          input: "{{ previous_step }}b"
      exit_expression: "previous_step == 'abbb'"
  - kind: conditional
    name: c
    condition_expression: "'k'"
    branches:
      k: { name: inner, input: "{{ previous_step }}!" }
`;

describe('run events (ARCHITECTURE.md "RunEvent")', () => {
  it('stamps every event with runId, strictly increasing seq, time and path', async () => {
    const { result, events } = await runYaml(mixed, { runId: 'ev1' });
    expect(result.output).toBe('abbb!');
    expect(events[0]?.type).toBe('run.started');
    expect(events.at(-1)?.type).toBe('run.succeeded');
    for (const [index, event] of events.entries()) {
      expect(event.runId).toBe('ev1');
      expect(typeof event.at).toBe('number');
      expect(typeof event.path).toBe('string');
      if (index > 0) expect(event.seq).toBeGreaterThan(events[index - 1]?.seq ?? Infinity);
    }
  });

  it('pairs every step.started with one step.succeeded of the same path', async () => {
    const { events } = await runYaml(mixed);
    const open = new Map<string, number>();
    for (const event of events) {
      const key = `${event.path}@${String(event.iteration ?? '')}`;
      if (event.type === 'step.started') open.set(key, (open.get(key) ?? 0) + 1);
      if (event.type === 'step.succeeded') {
        expect(open.get(key)).toBe(1);
        open.delete(key);
      }
    }
    expect(open.size).toBe(0);
    const started = events.filter((event) => event.type === 'step.started').map((e) => e.path);
    expect(started).toEqual([
      'steps[0]',
      'steps[1]',
      'steps[1].loop.body[0]',
      'steps[1].loop.body[0]',
      'steps[1].loop.body[0]',
      'steps[2]',
      'steps[2].branches.k[0]',
    ]);
  });

  it('tags loop iterations and body events with the iteration index', async () => {
    const { events } = await runYaml(mixed);
    const iterations = events.flatMap((event) =>
      event.type === 'loop.iteration' ? [event.index] : [],
    );
    expect(iterations).toEqual([1, 2, 3]);
    const bodyDone = events.filter(
      (event) => event.type === 'step.succeeded' && event.path === 'steps[1].loop.body[0]',
    );
    expect(bodyDone.map((event) => event.iteration)).toEqual([1, 2, 3]);
    const inner = events.find(
      (event) => event.type === 'step.started' && event.path === 'steps[2].branches.k[0]',
    );
    expect(inner?.branch).toBe('k');
  });

  it('runEvents yields every event in order, then the result', async () => {
    const viaCallback: RunEvent[] = [];
    const items: RunStreamItem[] = [];
    for await (const item of runEvents(pipelineOf(mixed), {
      runId: 'it1',
      onEvent: (event) => viaCallback.push(event),
    })) {
      items.push(item);
    }
    const last = items.at(-1);
    expect(last?.kind).toBe('result');
    expect(last?.kind === 'result' ? last.result.output : undefined).toBe('abbb!');
    const streamed = items.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
    expect(streamed).toEqual(viaCallback);
    expect(streamed.length).toBe(items.length - 1);
  });
});

describe('cancellation', () => {
  it('aborting options.signal mid-run ends the run as cancelled', async () => {
    const controller = new AbortController();
    const skills = fakeSkills({ 'skills.slow:wait': waitsForAbort });
    const { result, events } = await runYaml(
      `
name: cancel
steps:
  - name: first
    input: "a"
  - name: slow
    uses: skills.slow:wait
  - name: never
`,
      {
        skills,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'step.attempt' && event.path === 'steps[1]') controller.abort();
        },
      },
    );
    expect(result.status).toBe('cancelled');
    expect(result.error?.code).toBe('CancelledError');
    expect(result.steps.map((step) => step.name)).toEqual(['first', 'slow']);
    expect(events.at(-1)?.type).toBe('run.cancelled');
    expect(events.some((event) => event.path === 'steps[2]')).toBe(false);
    expect(skills.calls['skills.slow:wait']).toBe(1);
  });

  it('a signal aborted before the start runs no step', async () => {
    const controller = new AbortController();
    controller.abort();
    const { result, events } = await runYaml(mixed, { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(events.some((event) => event.type === 'step.started')).toBe(false);
  });
});
