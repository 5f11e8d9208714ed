import { assertNever } from '../model';
import type { RunEvent } from './runEvent';
import type { StepResult } from './runTypes';

/** Status of a trace span (FLUJO-SPEC §10; `paused` and `cancelled` as the run can end so). */
export type TraceSpanStatus = 'running' | 'completed' | 'failed' | 'paused' | 'cancelled';

/** A point-in-time event on a span (`flujo.retry`, `flujo.paused`, …). */
export interface TraceSpanEvent {
  readonly name: string;
  readonly at: number;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** One span of the trace tree: the run (`pipeline_run`) or one execution of one step. */
export interface TraceSpan {
  readonly name: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly startTime: number;
  readonly endTime?: number;
  readonly status: TraceSpanStatus;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly events: readonly TraceSpanEvent[];
  readonly children: readonly TraceSpan[];
}

interface MutableSpan {
  name: string;
  spanId: string;
  parentSpanId?: string;
  startTime: number;
  endTime?: number;
  status: TraceSpanStatus;
  attributes: Record<string, unknown>;
  events: TraceSpanEvent[];
  children: MutableSpan[];
  /** `path|iteration|branch`: how ends, attempts and HITL events find their span. */
  key: string;
  path: string;
}

/**
 * Builds the trace tree of FLUJO-SPEC §10 (trace contract v1) from a run's events, also across a
 * pause and its resumes (the events of each part concatenated). A step span starts at
 * `step.started` and is closed by the `step.succeeded`/`step.failed` with the same (path, iteration,
 * branch) — concurrent branches interleave, so ends match by that key, not by order. A span's parent
 * is the innermost open span whose path is an ancestor of its path. An end without a start (a
 * background task, or a resumed part on its own) becomes a span of the result's latency.
 */
export function traceTreeFromEvents(events: readonly RunEvent[]): TraceSpan {
  const root: MutableSpan = {
    name: 'pipeline_run',
    spanId: 'span-0',
    startTime: events[0]?.at ?? 0,
    status: 'running',
    attributes: {},
    events: [],
    children: [],
    key: '',
    path: '',
  };
  const open: MutableSpan[] = [];
  let nextId = 1;
  const newSpan = (event: RunEvent, name: string, kind: string, startTime: number): MutableSpan => {
    const parent = parentOf(event.path, open) ?? root;
    const span: MutableSpan = {
      name,
      spanId: `span-${String(nextId++)}`,
      parentSpanId: parent.spanId,
      startTime,
      status: 'running',
      attributes: {
        'flujo.step.id': event.path,
        'flujo.step.type': kind,
        'flujo.attempt_number': 1,
        'flujo.cache.hit': false,
        ...(event.iteration === undefined ? {} : { 'flujo.iteration': event.iteration }),
        ...(event.branch === undefined ? {} : { 'flujo.branch': event.branch }),
      },
      events: [],
      children: [],
      key: keyOf(event),
      path: event.path,
    };
    parent.children.push(span);
    return span;
  };
  for (const event of events) {
    switch (event.type) {
      case 'run.started':
        root.startTime = event.at;
        root.attributes['flujo.input'] = event.input;
        root.attributes['flujo.run_id'] = event.runId;
        root.attributes['flujo.pipeline.name'] = event.pipelineName;
        break;
      case 'run.resumed':
        root.attributes['flujo.run_id'] ??= event.runId;
        root.status = 'running';
        root.endTime = undefined;
        root.events.push(spanEvent('flujo.resumed', event.at, { step: event.stepName }));
        for (const span of open) span.status = 'running';
        break;
      case 'run.paused':
        root.status = 'paused';
        root.endTime = event.at;
        root.events.push(spanEvent('flujo.paused', event.at, { message: event.message }));
        for (const span of open) span.status = 'paused';
        break;
      case 'run.succeeded':
      case 'run.failed':
      case 'run.cancelled':
        closeRun(root, open, event.at, RUN_STATUS[event.type]);
        break;
      case 'step.started':
        open.push(newSpan(event, event.stepName, event.kind, event.at));
        break;
      case 'step.attempt':
        withSpan(open, event, (span) => {
          span.attributes['flujo.attempt_number'] = event.attempt;
        });
        break;
      case 'step.retrying':
        withSpan(open, event, (span) => {
          span.events.push(
            spanEvent('flujo.retry', event.at, {
              reason: 'retry',
              delay_seconds: 0,
              attempt: event.attempt,
              error: event.reason,
            }),
          );
        });
        break;
      case 'cache.hit':
        withSpan(open, event, (span) => {
          span.attributes['flujo.cache.hit'] = true;
        });
        break;
      case 'hitl.requested':
        withSpan(open, event, (span) => {
          span.status = 'paused';
          span.events.push(spanEvent('flujo.paused', event.at, { message: event.message }));
        });
        break;
      case 'hitl.answered':
        withSpan(open, event, (span) => {
          span.status = 'running';
          span.events.push(spanEvent('flujo.resumed', event.at, { human_input: event.answer }));
        });
        break;
      case 'step.succeeded':
      case 'step.failed': {
        const index = lastIndexOfKey(open, keyOf(event));
        const span =
          index < 0
            ? newSpan(
                event,
                event.result.name,
                event.result.kind,
                event.at - event.result.latencyMs,
              )
            : open.splice(index, 1)[0];
        if (span) closeStep(span, event.result, event.at);
        break;
      }
      case 'step.chunk':
      case 'step.skipped':
      case 'loop.iteration':
      case 'branch.started':
      case 'branch.finished':
      case 'background.launched':
      case 'usage.updated':
      case 'debug.paused':
      case 'debug.resumed':
      case 'debug.edited':
        break;
      default:
        assertNever(event);
    }
  }
  return freeze(root);
}

const RUN_STATUS = {
  'run.succeeded': 'completed',
  'run.failed': 'failed',
  'run.cancelled': 'cancelled',
} as const;

function keyOf(event: RunEvent): string {
  return `${event.path}|${String(event.iteration ?? '')}|${event.branch ?? ''}`;
}

function lastIndexOfKey(open: readonly MutableSpan[], key: string): number {
  for (let index = open.length - 1; index >= 0; index -= 1) {
    if (open[index]?.key === key) return index;
  }
  return -1;
}

function withSpan(
  open: readonly MutableSpan[],
  event: RunEvent,
  edit: (span: MutableSpan) => void,
) {
  const span = open[lastIndexOfKey(open, keyOf(event))];
  if (span) edit(span);
}

/** The innermost open span whose step path is an ancestor of `path` (latest started on ties). */
function parentOf(path: string, open: readonly MutableSpan[]): MutableSpan | undefined {
  let best: MutableSpan | undefined;
  for (const span of open) {
    if (!path.startsWith(`${span.path}.`)) continue;
    if (best === undefined || span.path.length >= best.path.length) best = span;
  }
  return best;
}

function closeStep(span: MutableSpan, result: StepResult, at: number): void {
  span.endTime = at;
  span.status = result.success ? 'completed' : 'failed';
  span.attributes['flujo.attempt_number'] = result.attempts;
  span.attributes.success = result.success;
  span.attributes.latency_s = result.latencyMs / 1000;
  if (result.metadata.cache_hit === true) span.attributes['flujo.cache.hit'] = true;
  if (result.feedback !== undefined) span.attributes.feedback = result.feedback;
  if (result.metadata.fallback_triggered === true) {
    span.events.push(
      spanEvent('flujo.fallback.triggered', at, { original_error: result.metadata.original_error }),
    );
  }
}

function closeRun(
  root: MutableSpan,
  open: MutableSpan[],
  at: number,
  status: TraceSpanStatus,
): void {
  root.status = status;
  root.endTime = at;
  // Steps an interrupt unwound never emit their end: they end with the run.
  for (const span of open.splice(0)) {
    span.status = status === 'completed' ? 'failed' : status;
    span.endTime = at;
  }
}

function spanEvent(
  name: string,
  at: number,
  attributes: Readonly<Record<string, unknown>>,
): TraceSpanEvent {
  return { name, at, attributes };
}

function freeze(span: MutableSpan): TraceSpan {
  return {
    name: span.name,
    spanId: span.spanId,
    ...(span.parentSpanId === undefined ? {} : { parentSpanId: span.parentSpanId }),
    startTime: span.startTime,
    ...(span.endTime === undefined ? {} : { endTime: span.endTime }),
    status: span.status,
    attributes: span.attributes,
    events: span.events,
    children: span.children.map(freeze),
  };
}
