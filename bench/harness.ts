/** One measured workload: median and 95th percentile of the per-sample time, and the rate. */
export interface BenchResult {
  readonly name: string;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly opsPerSecond: number;
  readonly samples: number;
  /** The target this workload must meet, as text, and whether it did. */
  readonly target?: string;
  readonly met?: boolean;
}

/** How to measure: `batch` calls of `fn` form one sample (for sub-microsecond work). */
export interface BenchOptions {
  readonly samples?: number;
  readonly warmup?: number;
  readonly batch?: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.floor(sorted.length * fraction));
  return sorted[index] ?? Number.NaN;
}

/** Runs `fn` `warmup` times, then `samples` timed samples of `batch` calls each. */
export function measure(name: string, fn: () => unknown, options: BenchOptions = {}): BenchResult {
  const { samples = 30, warmup = 5, batch = 1 } = options;
  let sink: unknown;
  for (let i = 0; i < warmup * batch; i++) sink = fn();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) sink = fn();
    times.push((performance.now() - start) / batch);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  times.sort((a, b) => a - b);
  const medianMs = percentile(times, 0.5);
  return { name, medianMs, p95Ms: percentile(times, 0.95), opsPerSecond: 1000 / medianMs, samples };
}

/** Marks a result against a target: a maximum median time or a minimum rate. */
export function withTarget(
  result: BenchResult,
  target: { maxMedianMs?: number; minOpsPerSecond?: number },
): BenchResult {
  if (target.maxMedianMs !== undefined) {
    return {
      ...result,
      target: `median ≤ ${target.maxMedianMs} ms`,
      met: result.medianMs <= target.maxMedianMs,
    };
  }
  if (target.minOpsPerSecond !== undefined) {
    const text = `≥ ${target.minOpsPerSecond.toLocaleString('en-US')} /s`;
    return { ...result, target: text, met: result.opsPerSecond >= target.minOpsPerSecond };
  }
  return result;
}

/** Formats results as a Markdown table (the shape docs/PERFORMANCE.md records). */
export function formatResults(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    const rate =
      r.opsPerSecond >= 1000
        ? Math.round(r.opsPerSecond).toLocaleString('en-US')
        : r.opsPerSecond.toFixed(1);
    const verdict = r.met === undefined ? '' : r.met ? 'met' : 'MISSED';
    return `| ${r.name} | ${formatMs(r.medianMs)} | ${formatMs(r.p95Ms)} | ${rate} | ${r.target ?? ''} | ${verdict} |`;
  });
  return [
    '| workload | median | p95 | ops/s | target | |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function formatMs(ms: number): string {
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(2)} µs`;
}
