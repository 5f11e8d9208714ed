import type { Checkpoint } from '../engine/checkpoint';
import type { RunEvent } from '../engine/runEvent';
import type { StepResult } from '../engine/runTypes';
import type { NewRun } from './runRecord';

/** A new `running` run for store tests. */
export function newRun(runId: string, overrides: Partial<NewRun> = {}): NewRun {
  return {
    runId,
    pipelineName: 'demo',
    file: '/work/pipelines/demo.yaml',
    input: { question: 'why?' },
    status: 'running',
    startedAt: 1_000,
    ...overrides,
  };
}

/** `count` run events of a run with seq `from`, `from + 1`, …: a realistic mix of types. */
export function makeEvents(runId: string, count: number, from = 1): RunEvent[] {
  return Array.from({ length: count }, (_, index): RunEvent => {
    const seq = from + index;
    const base = { runId, seq, at: 10_000 + seq, path: `steps[${seq % 7}]` };
    switch (seq % 3) {
      case 0:
        return { ...base, type: 'step.started', stepName: `s${seq}`, kind: 'agent', input: seq };
      case 1:
        return { ...base, type: 'step.chunk', stepName: `s${seq}`, text: `chunk ${seq} ✓` };
      default:
        return {
          ...base,
          type: 'usage.updated',
          stepName: `s${seq}`,
          step: { costUsd: 0.001, tokens: 3 },
          total: { costUsd: seq / 1000, tokens: seq * 3 },
        };
    }
  });
}

/** A step result (leaf unless `children` are given). */
export function stepResult(path: string, children: StepResult[] = []): StepResult {
  return {
    name: path.replace(/\W+/g, '_'),
    path,
    kind: children.length > 0 ? 'loop' : 'agent',
    output: { text: `out of ${path}` },
    success: true,
    attempts: 1,
    latencyMs: 12,
    tokens: 30,
    costUsd: 0.002,
    metadata: children.length > 0 ? { iterations: 2 } : {},
    children,
  };
}

/** A HITL checkpoint of a run, as the engine produces it on a pause. */
export function makeCheckpoint(runId: string, id = `${runId}-cp1`, seq = 3): Checkpoint {
  return {
    version: 1,
    id,
    runId,
    pipelineName: 'demo',
    input: { question: 'why?' },
    usage: { costUsd: 0.01, tokens: 42 },
    seq,
    hitl: {
      path: 'steps[1]',
      stepName: 'approve',
      message: 'Approve the draft?',
      inputSchema: { type: 'object', properties: { approved: { type: 'boolean' } } },
    },
    cursor: {
      index: 1,
      input: 'draft',
      context: { notes: ['a', 'b'] },
      results: [stepResult('steps[0]')],
      inner: { kind: 'hitl' },
    },
  };
}
