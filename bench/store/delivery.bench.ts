import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunEvent } from '../../core/engine/runEvent';
import { HostEventBus } from '../../electron/host/hostEventBus';
import { createEventBatcher } from '../../electron/host/runs/eventBatcher';
import { API_PATH, startWebServer } from '../../electron/web/startWebServer';
import type { BenchResult } from '../harness';
import type { DeliveryClientData, DeliveryReport } from './deliveryClient';
import { DELIVERY_CLIENT_SOURCE } from './deliveryClient';
import { EVENTS_PER_STEP, stepEvents } from './generateRunEvents';

const DURATION_MS = 3_000;
/** The rate, and twice that to show the headroom. */
const TARGET_PER_SECOND = 50_000;
const HEADROOM_PER_SECOND = 100_000;
/** "Not falling behind": batches arrive within a few frames of their oldest event, to the end. */
const MAX_LAG_MS = 100;

type ClientMessage =
  | { readonly type: 'open' }
  | { readonly type: 'done'; readonly report: DeliveryReport }
  | { readonly type: 'error'; readonly message: string };

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/** Starts the client worker; resolves `opened` once its socket is connected. */
function startClient(data: DeliveryClientData): {
  opened: Promise<void>;
  done: Promise<DeliveryReport>;
  worker: Worker;
} {
  const worker = new Worker(DELIVERY_CLIENT_SOURCE, { eval: true, workerData: data });
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const done = new Promise<DeliveryReport>((resolve, reject) => {
    const timeout = setTimeout(() => {
      reject(new Error('delivery benchmark: the client did not receive every event within 60 s'));
    }, 60_000);
    worker.on('message', (message: ClientMessage) => {
      if (message.type === 'open') open();
      else {
        clearTimeout(timeout);
        if (message.type === 'done') resolve(message.report);
        else reject(new Error(`delivery benchmark client: ${message.message}`));
      }
    });
    worker.on('error', reject);
  });
  return { opened, done, worker };
}

/** Pushes `total` events at `perSecond` into `push`, on the event loop. */
function produce(push: (event: RunEvent) => void, perSecond: number, total: number): Promise<void> {
  const start = performance.now();
  let produced = 0;
  let step = 0;
  return new Promise((resolve) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * perSecond) / 1000));
      const at = Date.now();
      while (produced < due) {
        for (const event of stepEvents('bench-run', step, 1 + step * EVENTS_PER_STEP, at)) {
          if (produced === total) break;
          push(event);
          produced++;
        }
        step++;
      }
      if (produced < total) setImmediate(tick);
      else resolve();
    };
    tick();
  });
}

/**
 * Host → client delivery (issue 6): events produced at 50,000/s (the target) and 100,000/s for
 * 3 s each go through the host's batcher (one message per ~16 ms or 500 events), the host event
 * bus and browser mode's server (startWebServer, coalescing per ~16 ms per client) to a WebSocket
 * client on 127.0.0.1 running in a worker thread, which records how late each batch arrives.
 * Median and p95 are that lag; the rate is the events the client received per second.
 */
export async function runDeliveryBenchmarks(): Promise<BenchResult[]> {
  return [await deliver(TARGET_PER_SECOND, true), await deliver(HEADROOM_PER_SECOND, false)];
}

async function deliver(perSecond: number, isTarget: boolean): Promise<BenchResult> {
  const total = (perSecond * DURATION_MS) / 1000;
  const bus = new HostEventBus((error) => {
    throw error;
  });
  // A fake host: only its event stream is used; the renderer folder is never read.
  const server = await startWebServer({
    host: {
      subscribe: (listener) => bus.subscribe(listener),
      dispatch: () => Promise.reject(new Error('The delivery benchmark sends no requests.')),
    },
    rendererDir: tmpdir(),
  });
  const client = startClient({
    url: `ws://127.0.0.1:${String(server.port)}${API_PATH}?token=${server.token}`,
    expected: total,
    wsPath: createRequire(import.meta.url).resolve('ws'),
  });
  try {
    await client.opened;
    // As the run manager does: the worker's batches (per ~16 ms or 500 events) onto the bus.
    const batcher = createEventBatcher((events) => {
      bus.emit({ type: 'run.events', runId: 'bench-run', events });
    });
    const started = Date.now();
    await produce(batcher.push, perSecond, total);
    batcher.flush();
    const report = await client.done;
    return result(report, started, perSecond, isTarget);
  } finally {
    await client.worker.terminate();
    await server.close();
  }
}

function result(
  report: DeliveryReport,
  started: number,
  perSecond: number,
  isTarget: boolean,
): BenchResult {
  const rate = report.events / ((report.lastAt - started) / 1000);
  const lags = [...report.lagsMs].sort((a, b) => a - b);
  const p95 = percentile(lags, 0.95);
  const maxLag = lags[lags.length - 1] ?? Number.NaN;
  const lastLag = report.lagsMs[report.lagsMs.length - 1] ?? Number.NaN;
  const measured: BenchResult = {
    name: `host → WebSocket client, ${perSecond.toLocaleString('en-US')} events/s for ${String(DURATION_MS / 1000)} s: lag per batch (${report.batches.toLocaleString('en-US')} batches; max ${maxLag.toFixed(0)} ms, last ${lastLag.toFixed(0)} ms)`,
    medianMs: percentile(lags, 0.5),
    p95Ms: p95,
    opsPerSecond: rate,
    samples: report.batches,
  };
  if (!isTarget) return measured;
  return {
    ...measured,
    target: `keeps up: p95 and last lag ≤ ${String(MAX_LAG_MS)} ms`,
    met: p95 <= MAX_LAG_MS && lastLag <= MAX_LAG_MS,
  };
}
