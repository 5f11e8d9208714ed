import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunEvent } from '../../core/engine/runEvent';
import { EventWriter, openSqliteRunStore } from '../../core/node/sqlite';
import type { RunStore } from '../../core/store';
import type { BenchResult } from '../harness';
import { withTarget } from '../harness';
import { generateRunEvents } from './generateRunEvents';
import { measureEach } from './measureEach';

const PERSISTED_EVENTS = 100_000;
const READ_BACK_STEPS = 10_000;

interface TempStore {
  readonly store: RunStore;
  readonly dir: string;
}

function openTempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'flujo-bench-store-'));
  return { store: openSqliteRunStore({ path: join(dir, 'runs.sqlite') }), dir };
}

function closeTempStore({ store, dir }: TempStore): void {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

function createRun(store: RunStore, runId: string): void {
  store.createRun({
    runId,
    pipelineName: 'bench',
    input: { topic: 'refunds' },
    status: 'running',
    startedAt: Date.now(),
  });
}

/**
 * Store benchmarks (issue 6): 100,000 events persisted through the EventWriter into a fresh
 * SQLite file (WAL, as the app opens it), and a 10,000-step run's events read back.
 */
export function runStoreBenchmarks(): BenchResult[] {
  const steps = Math.ceil((PERSISTED_EVENTS - 2) / 3);
  const persist = measureEach('persist 100,000 events (EventWriter → SQLite file), per event', {
    samples: 7,
    warmup: 1,
    items: PERSISTED_EVENTS,
    setup: () => {
      const temp = openTempStore();
      createRun(temp.store, 'bench-run');
      const events = generateRunEvents('bench-run', steps).slice(0, PERSISTED_EVENTS);
      return { ...temp, events };
    },
    run: ({ store, events }: TempStore & { events: RunEvent[] }) => {
      const writer = new EventWriter(store);
      writer.pushAll(events);
      writer.close();
    },
    teardown: (state) => {
      if (state.store.readEvents('bench-run', { afterSeq: PERSISTED_EVENTS - 1 }).length !== 1)
        throw new Error('persist benchmark: the last event was not stored');
      closeTempStore(state);
    },
  });

  const reading = openTempStore();
  try {
    createRun(reading.store, 'read-run');
    const events = generateRunEvents('read-run', READ_BACK_STEPS);
    const writer = new EventWriter(reading.store);
    writer.pushAll(events);
    writer.close();
    const read = measureEach(
      `read back a 10,000-step run (${events.length.toLocaleString('en-US')} events)`,
      {
        samples: 20,
        warmup: 3,
        setup: () => reading.store,
        run: (store) => {
          if (store.readEvents('read-run').length !== events.length)
            throw new Error('read-back benchmark: wrong number of events');
        },
      },
    );
    return [
      withTarget(persist.wall, { minOpsPerSecond: 100_000 }),
      persist.cpu,
      withTarget(read.wall, { maxMedianMs: 200 }),
      read.cpu,
    ];
  } finally {
    closeTempStore(reading);
  }
}
