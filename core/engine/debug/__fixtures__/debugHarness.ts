import { pipelineOf } from '../../__fixtures__/engineHarness';
import { executePipeline } from '../../executePipeline';
import type { Frame } from '../../frame';
import type { RunEvent } from '../../runEvent';
import type { RunOptions } from '../../runOptions';
import type { RunResult } from '../../runTypes';
import type { DebugSession, DebugStop } from '../types';

/** A run started under a debug session, with its events so far and its final result. */
export interface DebuggedRun {
  readonly events: RunEvent[];
  readonly done: Promise<RunResult>;
}

/** Starts `yaml` under `session` without awaiting it. */
export function startDebugged(
  yaml: string,
  session: DebugSession,
  options: RunOptions = {},
): DebuggedRun {
  const events: RunEvent[] = [];
  const done = executePipeline(pipelineOf(yaml), {
    ...options,
    debug: session,
    onEvent: (event) => {
      events.push(event);
    },
  });
  return { events, done };
}

/** A command a script gives at a stop. */
export type Command = 'stepOver' | 'stepInto' | 'stepOut' | 'continue';

/** `path#iteration@branch` of a frame: where a stop is, as the tests spell it. */
export function place(frame: Pick<Frame, 'path' | 'iteration' | 'branch'> | undefined): string {
  if (frame === undefined) return '(none)';
  const iteration = frame.iteration === undefined ? '' : `#${String(frame.iteration)}`;
  const branch = frame.branch === undefined ? '' : `@${frame.branch}`;
  return `${frame.path}${iteration}${branch}`;
}

/** `reason place` of a stop's innermost frame. */
export function describeStop(stop: DebugStop): string {
  return `${stop.reason} ${place(stop.frames[stop.frames.length - 1])}`;
}

/**
 * Answers each stop with the next command (then `continue`) until the run ends; returns the stops
 * as `reason place` and the run's result.
 */
export async function drive(
  session: DebugSession,
  run: DebuggedRun,
  commands: readonly Command[],
): Promise<{ readonly stops: string[]; readonly result: RunResult }> {
  const stops: string[] = [];
  const queue = [...commands];
  for (;;) {
    const stop = await session.waitForPause();
    if (stop === undefined) break;
    stops.push(describeStop(stop));
    session[queue.shift() ?? 'continue']();
  }
  return { stops, result: await run.done };
}

/** Lets the run go on until it blocks (every fake step here settles within a few ticks). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

/** Steps started so far, as `place`s. */
export function started(events: readonly RunEvent[]): string[] {
  return events
    .filter((event) => event.type === 'step.started')
    .map((event) => place(event));
}
