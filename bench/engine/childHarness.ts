// Runs inside a fresh child process: warm-up runs, then timed runs each after a full GC, and the
// heap retained by one run's result. Medians are taken by the parent.
import type { BuiltWorkload } from './workloads';

/** What one child reports for one (engine, workload) pair. */
export interface ChildReport {
  readonly buildMs: number;
  /** Wall time of every timed run, in order. */
  readonly runsMs: readonly number[];
  /** CPU time (user + system) of every timed run: steadier than wall time on a busy machine. */
  readonly cpuMs: readonly number[];
  /** Heap a run's result keeps alive: used heap with it minus used heap once dropped (bytes). */
  readonly retainedBytes: number;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('Run the bench child with --expose-gc.');
  // Twice: objects kept only by WeakMaps (step paths, context twins) need a second pass.
  gc();
  gc();
}

/** Used heap after full GCs, once V8 has finished sweeping (it sweeps concurrently). */
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i += 1) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  collect();
  return process.memoryUsage().heapUsed;
}

/** How long to warm up and how many timed runs to take. */
export interface ChildPlan {
  /** Warm up for at least this long (at least one run, at most `maxRuns`): JIT tiers need time. */
  readonly warmupMs: number;
  /** At least this many timed runs, more while their total stays under `minTimeMs`. */
  readonly minRuns: number;
  readonly minTimeMs: number;
  readonly maxRuns: number;
}

/** Measures `built`: warm-up runs, then timed runs with a full GC before each. `onRun` sees each timed run. */
export async function measureChild(
  built: BuiltWorkload,
  plan: ChildPlan,
  onRun: (wallMs: number, cpuMs: number) => void = () => undefined,
): Promise<ChildReport> {
  const warmupStart = performance.now();
  for (let i = 0; i < plan.maxRuns; i += 1) {
    built.prepare?.();
    await built.run();
    if (performance.now() - warmupStart >= plan.warmupMs) break;
  }
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let total = 0;
  while (runsMs.length < plan.maxRuns && (runsMs.length < plan.minRuns || total < plan.minTimeMs)) {
    built.prepare?.();
    collect();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await built.run();
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    runsMs.push(elapsed);
    onRun(elapsed, (cpu.user + cpu.system) / 1000);
    total += elapsed;
  }
  built.prepare?.();
  const kept: { result?: unknown } = { result: await built.run() };
  const withResult = await settledHeap();
  delete kept.result;
  const retainedBytes = withResult - (await settledHeap());
  return { buildMs: built.buildMs, runsMs, cpuMs, retainedBytes };
}
