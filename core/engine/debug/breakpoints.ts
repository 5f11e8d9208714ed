import { evaluate, isTruthy } from '../../expr';
import type { Frame } from '../frame';
import { stepScope } from '../stepScope';
import type { Breakpoint } from './types';

/** A breakpoint that matched a frame; `conditionError` when its condition could not be evaluated. */
export interface BreakpointHit {
  readonly breakpoint: Breakpoint;
  readonly conditionError?: string;
}

interface Entry {
  readonly breakpoint: Breakpoint;
  readonly key: string;
}

/**
 * The session's breakpoints by step path, with hit counts. A hit counts only when the condition
 * (if any) is true; a breakpoint with `hitCount: n` stops on its n-th hit only.
 */
export class BreakpointTable {
  private byPath = new Map<string, Entry[]>();
  private hits = new Map<string, number>();

  constructor(breakpoints: readonly Breakpoint[] = []) {
    this.set(breakpoints);
  }

  /** Replaces the breakpoints; one with a previous one's path and condition keeps its hit count. */
  set(breakpoints: readonly Breakpoint[]): void {
    const byPath = new Map<string, Entry[]>();
    const hits = new Map<string, number>();
    for (const breakpoint of breakpoints) {
      checkBreakpoint(breakpoint);
      const key = JSON.stringify([breakpoint.path, breakpoint.condition ?? '']);
      const entries = byPath.get(breakpoint.path) ?? [];
      entries.push({ breakpoint: { ...breakpoint }, key });
      byPath.set(breakpoint.path, entries);
      hits.set(key, this.hits.get(key) ?? 0);
    }
    this.byPath = byPath;
    this.hits = hits;
  }

  /** True when some breakpoint (enabled or not) is set on `path`. */
  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** The breakpoint `frame` stops at, counting the hit of every matching breakpoint. */
  check(frame: Frame): BreakpointHit | undefined {
    const entries = this.byPath.get(frame.path);
    if (entries === undefined) return undefined;
    let stop: BreakpointHit | undefined;
    const counted = new Map<string, number>();
    for (const { breakpoint, key } of entries) {
      if (breakpoint.enabled === false) continue;
      if (breakpoint.condition !== undefined) {
        const result = evaluate(breakpoint.condition, conditionScope(frame));
        if (!result.ok) {
          stop ??= { breakpoint, conditionError: result.error.message };
          continue;
        }
        if (!isTruthy(result.value)) continue;
      }
      // Breakpoints sharing a path and condition share one count (a hit counts once).
      let count = counted.get(key);
      if (count === undefined) {
        count = (this.hits.get(key) ?? 0) + 1;
        counted.set(key, count);
        this.hits.set(key, count);
      }
      if (breakpoint.hitCount === undefined || breakpoint.hitCount === count) {
        stop ??= { breakpoint };
      }
    }
    return stop;
  }
}

function conditionScope(frame: Frame): Record<string, unknown> {
  return {
    ...stepScope(frame.input, frame.context),
    input: frame.input,
    iteration: frame.iteration ?? null,
    branch: frame.branch ?? null,
  };
}

function checkBreakpoint(breakpoint: Breakpoint): void {
  if (typeof breakpoint.path !== 'string' || breakpoint.path === '') {
    throw new TypeError('A breakpoint needs the step path it stops at, e.g. "steps[0]".');
  }
  const { hitCount } = breakpoint;
  if (hitCount !== undefined && (!Number.isInteger(hitCount) || hitCount < 1)) {
    throw new TypeError(
      `The breakpoint at ${breakpoint.path} has hitCount ${String(hitCount)}; use a whole number from 1.`,
    );
  }
}
