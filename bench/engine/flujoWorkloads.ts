// The engine workloads of ARCHITECTURE.md "Performance" for our engine: pipelines written as YAML,
// parsed once, run with `onEvent` counting events (events on, as the studio runs them).
import type { Pipeline } from '../../core/model';
import { parsePipelineYaml } from '../../core/yaml';
import { executePipeline } from '../../core/engine';
import { createDebugSession } from '../../core/engine/debug';
import type { BuiltWorkload, EngineWorkload } from './workloads';

function pipelineOf(yaml: string): Pipeline {
  const parsed = parsePipelineYaml(yaml);
  if (parsed.pipeline === undefined) {
    throw new Error(
      `bench YAML did not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`,
    );
  }
  return parsed.pipeline;
}

/** `steps` trivial template steps (no agent, no `input:`: each passes its input on). */
export function chainYaml(steps: number): string {
  const lines = ['name: chain', 'steps:'];
  for (let i = 0; i < steps; i += 1) lines.push(`  - name: s${String(i)}`);
  return lines.join('\n') + '\n';
}

/**
 * A loop of `iterations` iterations, body one trivial step. The expression language has no
 * arithmetic, so the plain loop ends at `max_loops` (Flujo reports that as a failed loop) while still
 * evaluating an exit expression every iteration; the growing variant appends the body's output to
 * `context.items` between iterations and exits once the list holds `iterations - 1` items.
 */
export function loopYaml(iterations: number, growing: boolean): string {
  const exit = growing
    ? `context.items[${String(iterations - 2)}] != None`
    : `previous_step == 'never'`;
  return [
    `name: ${growing ? 'growing_loop' : 'loop'}`,
    'steps:',
    '  - kind: loop',
    '    name: counter',
    '    loop:',
    `      max_loops: ${String(iterations)}`,
    `      exit_expression: "${exit}"`,
    ...(growing
      ? [
          '      state:',
          '        append:',
          '          - { target: context.items, value: "{{ previous_step }}" }',
        ]
      : []),
    '      body:',
    '        steps:',
    '          - name: tick',
    '',
  ].join('\n');
}

/**
 * `rounds` rounds of one parallel step with `branches` trivial one-step branches: a loop whose body is
 * the parallel step, ended by `max_loops` like the plain loop (the same parallel step runs every round). Leaves output a constant so rounds do not nest outputs.
 */
export function fanOutYaml(rounds: number, branches: number): string {
  const lines = [
    'name: fan_out',
    'steps:',
    '  - kind: loop',
    '    name: rounds',
    '    loop:',
    `      max_loops: ${String(rounds)}`,
    `      exit_expression: "previous_step == 'never'"`,
    '      body:',
    '        steps:',
    '          - kind: parallel',
    '            name: fan',
    '            branches:',
  ];
  for (let b = 0; b < branches; b += 1) {
    lines.push(
      `              b${String(b)}:`,
      `                - name: leaf${String(b)}`,
      '                  input: tick',
    );
  }
  return lines.join('\n') + '\n';
}

function runner(
  pipeline: Pipeline,
  expectedStatus: 'succeeded' | 'failed',
  debug = false,
): () => Promise<unknown> {
  return async () => {
    let events = 0;
    const result = await executePipeline(pipeline, {
      input: 'x',
      runId: 'bench',
      onEvent: () => {
        events += 1;
      },
      // A fresh session per run (one session per run), created inside the timed part.
      ...(debug ? { debug: createDebugSession({}) } : {}),
    });
    if (result.status !== expectedStatus || events === 0) {
      throw new Error(`expected a ${expectedStatus} run with events, got ${result.status}`);
    }
    return result;
  };
}

/** Builds our engine's run function for a workload (YAML parsed outside the timed part). */
export function flujoWorkload(workload: EngineWorkload): BuiltWorkload {
  const start = performance.now();
  let pipeline: Pipeline;
  let status: 'succeeded' | 'failed' = 'succeeded';
  switch (workload.kind) {
    case 'chain':
    case 'chainDebug':
      pipeline = pipelineOf(chainYaml(workload.steps));
      break;
    case 'loop':
      pipeline = pipelineOf(loopYaml(workload.steps, false));
      status = 'failed';
      break;
    case 'growingLoop':
      pipeline = pipelineOf(loopYaml(workload.steps, true));
      break;
    case 'fanOut':
      pipeline = pipelineOf(fanOutYaml(workload.rounds, workload.branches));
      status = 'failed';
      break;
  }
  return {
    buildMs: performance.now() - start,
    run: runner(pipeline, status, workload.kind === 'chainDebug'),
  };
}
