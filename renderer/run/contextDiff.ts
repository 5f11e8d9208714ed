import type { RunEvent } from '../../core/engine';

/** One top-level context key that changed. */
export interface ContextChange {
  readonly key: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: unknown;
  readonly after: unknown;
}

/** The context recorded around one execution of a step, when the events hold it. */
export interface StepContexts {
  readonly before: Readonly<Record<string, unknown>> | undefined;
  readonly after: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The contexts a step saw before and after it ran, read from `debug.paused` frames (the only events
 * that carry context): the last pause at the step before it started, the first pause after it.
 */
export function stepContexts(
  events: readonly RunEvent[],
  path: string,
  startIndex: number,
): StepContexts {
  let before: Readonly<Record<string, unknown>> | undefined;
  for (let index = startIndex; index >= 0 && index > startIndex - 50; index -= 1) {
    const event = events[index];
    if (event?.type === 'debug.paused' && event.frames.at(-1)?.path === path) {
      before = event.frames.at(-1)?.context;
      break;
    }
  }
  let after: Readonly<Record<string, unknown>> | undefined;
  for (let index = startIndex + 1; index < events.length; index += 1) {
    const event = events[index];
    if (event?.type === 'debug.paused') {
      after = event.frames.at(-1)?.context;
      break;
    }
  }
  return { before, after };
}

/** Top-level keys that differ between two contexts (values compared as JSON). */
export function diffContexts(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): ContextChange[] {
  const changes: ContextChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const inBefore = Object.hasOwn(before, key);
    const inAfter = Object.hasOwn(after, key);
    if (!inBefore) changes.push({ key, change: 'added', before: undefined, after: after[key] });
    else if (!inAfter)
      changes.push({ key, change: 'removed', before: before[key], after: undefined });
    else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.push({ key, change: 'changed', before: before[key], after: after[key] });
    }
  }
  return changes;
}
