import type { BenchResult } from '../harness';

/** How to measure a workload that needs fresh, untimed state per sample. */
export interface MeasureEachOptions<S> {
  readonly samples: number;
  readonly warmup: number;
  /** Builds a sample's state (untimed). */
  readonly setup: () => S;
  /** The timed work. */
  readonly run: (state: S) => unknown;
  /** Releases a sample's state (untimed). */
  readonly teardown?: (state: S) => void;
  /** Items one run handles: the result is then per item (time per item, items per second). */
  readonly items?: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/**
 * Like the harness's `measure`, with an untimed setup and teardown around every sample. Returns
 * wall time and the process's CPU time: on a shared machine the second shows what one free core
 * would take (the store and the JSON work run on this thread; SQLite has no threads of its own).
 */
export function measureEach<S>(
  name: string,
  options: MeasureEachOptions<S>,
): { wall: BenchResult; cpu: BenchResult } {
  const { samples, warmup, setup, run, teardown, items = 1 } = options;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let s = 0; s < warmup + samples; s++) {
    const state = setup();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run(state);
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    teardown?.(state);
    if (s < warmup) continue;
    wall.push(elapsed / items);
    cpu.push((used.user + used.system) / 1000 / items);
  }
  return { wall: summarize(name, wall), cpu: summarize(`${name} (CPU time)`, cpu) };
}

function summarize(name: string, times: number[]): BenchResult {
  times.sort((a, b) => a - b);
  const medianMs = percentile(times, 0.5);
  return {
    name,
    medianMs,
    p95Ms: percentile(times, 0.95),
    opsPerSecond: 1000 / medianMs,
    samples: times.length,
  };
}
