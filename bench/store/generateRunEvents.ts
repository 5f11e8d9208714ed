// Realistic run events for the store and delivery benchmarks: what the engine emits for a chain of
// small agent steps (started, usage, succeeded with a small StepResult), shaped as in
// core/engine/runEvent.ts.
import type { RunEvent } from '../../core/engine/runEvent';
import type { StepResult } from '../../core/engine/runTypes';

/** Events per step: step.started, usage.updated, step.succeeded. */
export const EVENTS_PER_STEP = 3;

/** The three events of step `index` (0-based) of a run, numbered from `seq`. */
export function stepEvents(runId: string, index: number, seq: number, at: number): RunEvent[] {
  const stepName = `step_${String(index)}`;
  const path = `steps/${String(index)}`;
  const tokens = 120 + (index % 37);
  const costUsd = tokens * 0.000002;
  const result: StepResult = {
    name: stepName,
    path,
    kind: 'agent',
    output: { summary: `Summary of item ${String(index)}`, score: (index % 10) / 10 },
    success: true,
    attempts: 1,
    latencyMs: 12 + (index % 5),
    tokens,
    costUsd,
    metadata: { model: 'openai:gpt-4o-mini' },
    children: [],
  };
  return [
    {
      type: 'step.started',
      runId,
      seq,
      at,
      path,
      stepName,
      kind: 'agent',
      input: { topic: 'refunds', item: index },
    },
    {
      type: 'usage.updated',
      runId,
      seq: seq + 1,
      at,
      path,
      stepName,
      step: { tokens, costUsd },
      total: { tokens: tokens * (index + 1), costUsd: costUsd * (index + 1) },
    },
    { type: 'step.succeeded', runId, seq: seq + 2, at, path, result },
  ];
}

/** A whole run of `steps` steps: run.started, the step events, run.succeeded. */
export function generateRunEvents(runId: string, steps: number, at = Date.now()): RunEvent[] {
  const events: RunEvent[] = [
    {
      type: 'run.started',
      runId,
      seq: 1,
      at,
      path: '',
      pipelineName: 'bench',
      input: { topic: 'refunds' },
    },
  ];
  for (let i = 0; i < steps; i++) events.push(...stepEvents(runId, i, 2 + i * EVENTS_PER_STEP, at));
  events.push({
    type: 'run.succeeded',
    runId,
    seq: events.length + 1,
    at,
    path: '',
    output: { done: true },
    usage: { tokens: steps * 130, costUsd: steps * 130 * 0.000002 },
  });
  return events;
}
