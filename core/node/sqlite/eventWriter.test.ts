import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../engine/runEvent';
import type { RunStore } from '../../store';
import { createMemoryRunStore } from '../../store';
import { makeEvents, newRun } from '../../store/runStoreFixtures';
import { EventWriter } from './eventWriter';
import { openSqliteRunStore } from './openSqliteRunStore';
import { temporaryDatabases } from './sqliteTestFiles';

const files = temporaryDatabases();
afterAll(() => {
  files.cleanup();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Wraps a store to record the size of every appendEvents call (= every event transaction). */
function countingStore(store: RunStore): { store: RunStore; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    store: {
      ...store,
      appendEvents(runId: string, events: readonly RunEvent[]) {
        batches.push(events.length);
        store.appendEvents(runId, events);
      },
    },
  };
}

describe('EventWriter', () => {
  it('writes 10,000 events to SQLite in batches of 500, never one transaction per event', () => {
    const sqlite = openSqliteRunStore({ path: files.path() });
    sqlite.createRun(newRun('big'));
    const { store, batches } = countingStore(sqlite);
    const writer = new EventWriter(store);
    const events = makeEvents('big', 10_000);
    writer.pushAll(events);
    writer.close();
    expect(batches).toEqual(Array<number>(20).fill(500));
    expect(sqlite.readEvents('big')).toEqual(events);
    sqlite.close();
  });

  it('writes a partial batch after about one frame, and not before', () => {
    vi.useFakeTimers();
    const memory = createMemoryRunStore();
    memory.createRun(newRun('r1'));
    const { store, batches } = countingStore(memory);
    const writer = new EventWriter(store);
    writer.pushAll(makeEvents('r1', 3));
    vi.advanceTimersByTime(15);
    expect(memory.readEvents('r1')).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(memory.readEvents('r1')).toEqual(makeEvents('r1', 3));
    writer.pushAll(makeEvents('r1', 1, 4));
    vi.advanceTimersByTime(16);
    expect(batches).toEqual([3, 1]);
    expect(writer.pending).toBe(0);
  });

  it('writes one batch per run when events of several runs are buffered', () => {
    const memory = createMemoryRunStore();
    memory.createRun(newRun('a'));
    memory.createRun(newRun('b'));
    const { store, batches } = countingStore(memory);
    const writer = new EventWriter(store);
    const a = makeEvents('a', 3);
    const b = makeEvents('b', 2);
    writer.pushAll([a[0], b[0], a[1], b[1], a[2]] as RunEvent[]);
    writer.flush();
    expect(batches).toEqual([3, 2]);
    expect(memory.readEvents('a')).toEqual(a);
    expect(memory.readEvents('b')).toEqual(b);
  });

  it('flushes on close and refuses events afterwards', () => {
    const memory = createMemoryRunStore();
    memory.createRun(newRun('r1'));
    const writer = new EventWriter(memory);
    writer.pushAll(makeEvents('r1', 2));
    writer.close();
    expect(memory.readEvents('r1')).toHaveLength(2);
    expect(() => {
      writer.pushAll(makeEvents('r1', 1, 3));
    }).toThrow(/closed/);
  });

  it('reports a failed timed flush to onError, or throws it from the next call', () => {
    vi.useFakeTimers();
    const memory = createMemoryRunStore();
    const failures: number[] = [];
    const reported = new EventWriter(memory, {
      onError: (_error, events) => failures.push(events.length),
    });
    reported.pushAll(makeEvents('missing', 2));
    vi.advanceTimersByTime(16);
    expect(failures).toEqual([2]);

    const silent = new EventWriter(memory);
    silent.pushAll(makeEvents('missing', 2));
    vi.advanceTimersByTime(16);
    expect(() => {
      silent.flush();
    }).toThrow(/No run with id 'missing'/);
    expect(() => {
      silent.flush();
    }).not.toThrow();
  });
});
