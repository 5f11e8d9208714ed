import { assertNever } from '../../core/model';
import type { RunEvent, StepResult } from '../../core/engine';
import type {
  NodeRunMetrics,
  NodeRunStatus,
  RunErrorView,
  RunView,
  StepView,
  TimelineRow,
} from './runView';
import { errorView } from './runView';

/**
 * Folds a batch of a run's events into its view, in place: one call per host batch, so a
 * 10,000-event run costs one store update per batch, never one per event. Returns the view.
 */
export function foldRunEvents(view: RunView, events: readonly RunEvent[]): RunView {
  for (const event of events) foldEvent(view, event);
  view.eventCount += events.length;
  view.version += 1;
  const last = events.at(-1);
  if (last !== undefined && view.startedAt !== undefined) {
    view.totals.elapsedMs = Math.max(view.totals.elapsedMs, last.at - view.startedAt);
  }
  return view;
}

/** The timeline key of one execution: path + iteration + branch. */
export function executionKey(event: Pick<RunEvent, 'path' | 'iteration' | 'branch'>): string {
  return `${event.path}|${String(event.iteration ?? '')}|${event.branch ?? ''}`;
}

function foldEvent(view: RunView, event: RunEvent): void {
  view.events.push(event);
  view.lastAt = event.at;
  view.startedAt ??= event.at;
  switch (event.type) {
    case 'run.started':
      view.pipelineName = event.pipelineName;
      view.startedAt = event.at;
      view.status = 'running';
      break;
    case 'run.resumed':
      view.status = 'running';
      view.hitl = undefined;
      break;
    case 'run.paused':
      view.status = 'paused';
      markOpenRowsPaused(view);
      break;
    case 'run.succeeded':
      view.status = 'succeeded';
      view.output = event.output;
      setUsage(view, event.usage);
      endRun(view, event.at);
      break;
    case 'run.failed':
      view.status = 'failed';
      view.error = errorView(event.error, 'The run failed.');
      setUsage(view, event.usage);
      endRun(view, event.at);
      break;
    case 'run.cancelled':
      view.status = 'cancelled';
      view.error = { message: event.reason };
      endRun(view, event.at);
      break;
    case 'step.started':
      startStep(view, event);
      break;
    case 'step.attempt':
      withStep(view, event.path, (step) => {
        step.attempts = Math.max(step.attempts, event.attempt);
      });
      break;
    case 'step.retrying':
      withStep(view, event.path, (step) => {
        step.error = { message: event.reason };
      });
      break;
    case 'step.chunk':
      withStep(view, event.path, (step) => {
        step.chunks.push(event.text);
      });
      break;
    case 'step.succeeded':
    case 'step.failed':
      endStep(view, event, event.result);
      break;
    case 'step.skipped':
      skipStep(view, event);
      break;
    case 'loop.iteration':
      withStep(view, event.path, (step) => {
        step.iterations = Math.max(step.iterations, event.index);
      });
      break;
    case 'branch.started':
      withStep(view, event.path, (step) => {
        if (!step.branches.includes(event.key)) step.branches.push(event.key);
      });
      break;
    case 'cache.hit':
      withStep(view, event.path, (step) => {
        step.cacheHit = true;
      });
      break;
    case 'usage.updated':
      setUsage(view, event.total);
      break;
    case 'hitl.requested':
      view.hitl = {
        runId: event.runId,
        requestId: undefined,
        stepName: event.stepName,
        path: event.path,
        message: event.message,
        inputSchema: event.inputSchema,
      };
      withStep(view, event.path, (step) => {
        step.status = 'paused';
      });
      break;
    case 'hitl.answered':
      view.hitl = undefined;
      break;
    case 'debug.paused':
      view.status = 'paused';
      view.pauseReason = event.reason;
      view.pausedFrames = event.frames;
      break;
    case 'debug.resumed':
      view.status = 'running';
      view.pauseReason = undefined;
      view.pausedFrames = undefined;
      break;
    case 'debug.edited':
      view.edits += 1;
      break;
    case 'branch.finished':
    case 'background.launched':
      break;
    default:
      assertNever(event);
  }
}

function newStep(event: RunEvent, stepName: string, kind: string, index: number): StepView {
  return {
    path: event.path,
    stepName,
    kind,
    status: 'running',
    input: undefined,
    output: undefined,
    latencyMs: undefined,
    tokens: 0,
    costUsd: 0,
    attempts: 0,
    error: undefined,
    iterations: 0,
    iteration: event.iteration,
    branch: event.branch,
    branches: [],
    cacheHit: false,
    chunks: [],
    runs: 0,
    startedAt: event.at,
    endedAt: undefined,
    startIndex: index,
  };
}

function startStep(view: RunView, event: Extract<RunEvent, { type: 'step.started' }>): void {
  const index = view.events.length - 1;
  const previous = view.stepStates.get(event.path);
  const step = newStep(event, event.stepName, event.kind, index);
  step.input = event.input;
  step.runs = (previous?.runs ?? 0) + 1;
  view.stepStates.set(event.path, step);
  view.timeline.push({
    key: executionKey(event),
    path: event.path,
    stepName: event.stepName,
    kind: event.kind,
    iteration: event.iteration,
    branch: event.branch,
    startedAt: event.at,
    endedAt: undefined,
    status: 'running',
  });
}

function endStep(view: RunView, event: RunEvent, result: StepResult): void {
  let step = view.stepStates.get(event.path);
  if (step === undefined) {
    // An end without a start: a background task, or the resumed part of a paused run.
    step = newStep(event, result.name, result.kind, view.events.length - 1);
    step.startedAt = event.at - result.latencyMs;
    step.runs = 1;
    view.stepStates.set(event.path, step);
  }
  const mocked = result.metadata.mocked === true;
  step.status = !result.success ? 'failed' : mocked ? 'mocked' : 'succeeded';
  step.output = result.output;
  step.latencyMs = result.latencyMs;
  step.tokens = result.tokens;
  step.costUsd = result.costUsd;
  step.attempts = Math.max(step.attempts, result.attempts);
  step.endedAt = event.at;
  step.error = result.success ? undefined : stepError(result);
  if (result.metadata.cache_hit === true) step.cacheHit = true;
  const iterations = result.metadata.iterations;
  if (typeof iterations === 'number') step.iterations = iterations;
  const row = openRow(view.timeline, executionKey(event));
  if (row === undefined) {
    view.timeline.push({
      key: executionKey(event),
      path: event.path,
      stepName: result.name,
      kind: result.kind,
      iteration: event.iteration,
      branch: event.branch,
      startedAt: event.at - result.latencyMs,
      endedAt: event.at,
      status: step.status,
    });
  } else {
    row.endedAt = event.at;
    row.status = step.status;
  }
}

function skipStep(view: RunView, event: Extract<RunEvent, { type: 'step.skipped' }>): void {
  const step = newStep(event, event.stepName, 'step', view.events.length - 1);
  const previous = view.stepStates.get(event.path);
  if (previous !== undefined) step.kind = previous.kind;
  step.status = 'skipped';
  step.endedAt = event.at;
  step.error = { message: event.reason };
  step.runs = (previous?.runs ?? 0) + 1;
  view.stepStates.set(event.path, step);
  view.timeline.push({
    key: executionKey(event),
    path: event.path,
    stepName: event.stepName,
    kind: step.kind,
    iteration: event.iteration,
    branch: event.branch,
    startedAt: event.at,
    endedAt: event.at,
    status: 'skipped',
  });
}

/** The latest still-open row with `key` (concurrent branches interleave, so match by key). */
function openRow(timeline: readonly TimelineRow[], key: string): TimelineRow | undefined {
  // Bounded look-back: open executions are few and recent; a 10,000-row timeline stays linear.
  const stop = Math.max(0, timeline.length - 5000);
  for (let index = timeline.length - 1; index >= stop; index -= 1) {
    const row = timeline[index];
    if (row?.key === key && row.endedAt === undefined) return row;
  }
  return undefined;
}

function stepError(result: StepResult): RunErrorView {
  const recorded = result.metadata.error;
  if (typeof recorded === 'object' && recorded !== null && 'message' in recorded) {
    const data = recorded as { code?: unknown; message: unknown; suggestion?: unknown };
    return {
      ...(typeof data.code === 'string' ? { code: data.code } : {}),
      message: String(data.message),
      ...(typeof data.suggestion === 'string' ? { suggestion: data.suggestion } : {}),
    };
  }
  return { message: result.feedback ?? 'The step failed.' };
}

function withStep(view: RunView, path: string, edit: (step: StepView) => void): void {
  const step = view.stepStates.get(path);
  if (step !== undefined) edit(step);
}

function setUsage(view: RunView, usage: { costUsd: number; tokens: number }): void {
  view.totals.costUsd = usage.costUsd;
  view.totals.tokens = usage.tokens;
}

function endRun(view: RunView, at: number): void {
  view.pausedFrames = undefined;
  view.pauseReason = undefined;
  if (view.startedAt !== undefined) view.totals.elapsedMs = at - view.startedAt;
  for (const step of view.stepStates.values()) {
    if (step.status === 'running' || step.status === 'paused') {
      step.status = view.status === 'failed' ? 'failed' : 'skipped';
    }
  }
}

/** The ring status of every step path (the canvas' `runStatus`); the paused frame shows paused. */
export function runStatusByPath(view: RunView | undefined): Record<string, NodeRunStatus> {
  const out: Record<string, NodeRunStatus> = {};
  if (view === undefined) return out;
  for (const [path, step] of view.stepStates) out[path] = step.status;
  const paused = view.pausedFrames?.at(-1);
  if (paused !== undefined) out[paused.path] = 'paused';
  return out;
}

/** A paused run's unfinished timeline rows (the HITL step and its containers) show as paused. */
function markOpenRowsPaused(view: RunView): void {
  for (const row of view.timeline) {
    if (row.endedAt === undefined && row.status === 'running') row.status = 'paused';
  }
}

/** What the run measured per step path (the canvas' metric chips). */
export function runMetricsByPath(view: RunView | undefined): Record<string, NodeRunMetrics> {
  const out: Record<string, NodeRunMetrics> = {};
  if (view === undefined) return out;
  for (const [path, step] of view.stepStates) {
    out[path] = {
      ...(step.latencyMs === undefined ? {} : { latencyMs: step.latencyMs }),
      tokens: step.tokens,
      costUsd: step.costUsd,
      attempts: step.attempts,
      ...(step.iterations > 0 && step.iteration === undefined
        ? { iterations: step.iterations }
        : {}),
      ...(step.cacheHit ? { cacheHit: true } : {}),
    };
  }
  return out;
}
