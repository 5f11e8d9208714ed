import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunStore } from '../../store';
import { isRunStoreError } from '../../store';
import { describeRunStoreContract } from '../../store/runStoreContract';
import { makeCheckpoint, makeEvents, newRun } from '../../store/runStoreFixtures';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from './migrations';
import { openSqliteRunStore } from './openSqliteRunStore';
import { isProcessAlive } from './processAlive';
import { EVENTS_PER_INSERT } from './sqliteStatements';
import { temporaryDatabases } from './sqliteTestFiles';

const files = temporaryDatabases();
afterAll(() => {
  files.cleanup();
});

describeRunStoreContract('SQLite store (:memory:)', (options) =>
  openSqliteRunStore({ ...options, path: ':memory:' }),
);
describeRunStoreContract('SQLite store (file)', (options) =>
  openSqliteRunStore({ ...options, path: files.path() }),
);

function openError(action: () => unknown): { reason?: string; message: string } {
  try {
    action();
  } catch (error) {
    expect(isRunStoreError(error)).toBe(true);
    const storeError = error as { reason?: string; message: string };
    return { reason: storeError.reason, message: storeError.message };
  }
  throw new Error('expected opening to fail');
}

describe('SQLite store: multi-row event inserts', () => {
  it('stores batches that are not a multiple of the insert chunk, in seq order', () => {
    const store = openSqliteRunStore({ path: ':memory:' });
    store.createRun(newRun('r1'));
    const events = makeEvents('r1', 2 * EVENTS_PER_INSERT + 37);
    store.appendEvents('r1', events.slice(0, EVENTS_PER_INSERT - 1));
    store.appendEvents('r1', events.slice(EVENTS_PER_INSERT - 1));
    expect(store.readEvents('r1')).toEqual(events);
  });

  it('writes nothing of a batch whose second chunk repeats a stored seq', () => {
    const store = openSqliteRunStore({ path: ':memory:' });
    store.createRun(newRun('r1'));
    store.appendEvents('r1', makeEvents('r1', 1, EVENTS_PER_INSERT + 50));
    expect(() => {
      store.appendEvents('r1', makeEvents('r1', 3 * EVENTS_PER_INSERT));
    }).toThrow(/already has an event/);
    expect(store.readEvents('r1').map((event) => event.seq)).toEqual([EVENTS_PER_INSERT + 50]);
  });
});

describe('SQLite store: durability', () => {
  it('keeps a pending HITL request across closing and reopening the file', () => {
    const path = files.path();
    const first = openSqliteRunStore({ path });
    first.createRun(newRun('r1'));
    first.appendEvents('r1', makeEvents('r1', 3));
    const checkpoint = makeCheckpoint('r1');
    first.savePause('r1', checkpoint, undefined, 7_000);
    first.close();

    const second = openSqliteRunStore({ path });
    expect(second.listPendingHitl().map((request) => request.requestId)).toEqual([checkpoint.id]);
    expect(second.getRun('r1')?.status).toBe('paused');
    const result = second.answerHitl({ runId: 'r1' }, { approved: true });
    expect(result.ok && result.checkpoint).toEqual(checkpoint);
    second.close();

    const third = openSqliteRunStore({ path });
    expect(third.listPendingHitl()).toEqual([]);
    expect(third.answerHitl({ requestId: checkpoint.id }, 'late')).toEqual({
      ok: false,
      reason: 'already-answered',
    });
    expect(third.readEvents('r1')).toEqual(makeEvents('r1', 3));
    third.close();
  });

  it('uses WAL journaling on a file database', () => {
    const path = files.path();
    openSqliteRunStore({ path }).close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('writes the checkpoint and the HITL request atomically: a failing request stores neither', () => {
    const path = files.path();
    const store = openSqliteRunStore({ path });
    store.createRun(newRun('r1'));
    const checkpoint = makeCheckpoint('r1');
    // A stray request row with the checkpoint's id makes the second insert of the pause fail.
    const raw = new Database(path);
    raw.pragma('foreign_keys = OFF');
    raw
      .prepare(
        `INSERT INTO hitl_requests (id, run_id, checkpoint_id, request, status, created_at)
         VALUES (?, 'r1', 'stray', '{}', 'answered', 0)`,
      )
      .run(checkpoint.id);
    raw.close();
    expect(() => store.savePause('r1', checkpoint)).toThrow();
    expect(store.getCheckpoint('r1')).toBeUndefined();
    expect(store.getRun('r1')?.status).toBe('running');
    store.close();
  });
});

describe('SQLite store: exactly-once answers across connections and processes', () => {
  function pausedStore(path: string): { store: RunStore; checkpointId: string } {
    const store = openSqliteRunStore({ path });
    store.createRun(newRun('r1'));
    const checkpoint = makeCheckpoint('r1');
    store.savePause('r1', checkpoint);
    return { store, checkpointId: checkpoint.id };
  }

  it('lets one of two connections win and leaves the checkpoint as it was', () => {
    const path = files.path();
    const { store, checkpointId } = pausedStore(path);
    const before = store.getCheckpoint('r1');
    const other = openSqliteRunStore({ path });
    const results = [
      other.answerHitl({ requestId: checkpointId }, 'from B'),
      store.answerHitl({ requestId: checkpointId }, 'from A'),
    ];
    expect(results.map((result) => result.ok)).toEqual([true, false]);
    expect(results[1]).toEqual({ ok: false, reason: 'already-answered' });
    expect(store.getHitl(checkpointId)).toMatchObject({ status: 'answered', answer: 'from B' });
    expect(store.getCheckpoint('r1')).toEqual(before);
    other.close();
    store.close();
  });

  it('lets exactly one of two racing processes win', async () => {
    const path = files.path();
    const { store, checkpointId } = pausedStore(path);
    store.close();
    const outputs = await Promise.all(
      ['A', 'B'].map((answer) => runChild(['answer', path, checkpointId, answer])),
    );
    const results = outputs.map((output) => JSON.parse(output.trim()) as { ok: boolean });
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, reason: 'already-answered' },
    ]);
    const reopened = openSqliteRunStore({ path });
    expect(reopened.getHitl(checkpointId)?.status).toBe('answered');
    reopened.close();
  });
});

describe('SQLite store: crash recovery', () => {
  it('marks the run of a process killed with SIGKILL interrupted, with its events intact', async () => {
    const path = files.path();
    const child = startChild(['hang', path, 'crashed', '1200']);
    await child.ready;
    child.process.kill('SIGKILL');
    await child.exited;

    const store = openSqliteRunStore({ path });
    expect(store.getRun('crashed')?.status).toBe('running');
    expect(store.recoverInterrupted(isProcessAlive)).toEqual(['crashed']);
    expect(store.getRun('crashed')?.status).toBe('interrupted');
    expect(store.readEvents('crashed')).toEqual(makeEvents('crashed', 1200));
    store.close();
  });
});

describe('SQLite store: migrations', () => {
  it('creates the whole schema in a new file and records every migration', () => {
    const path = files.path();
    openSqliteRunStore({ path }).close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(
      raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
    ).toEqual(MIGRATIONS.map((migration) => migration.version));
    raw.close();
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
      MIGRATIONS.map((_, index) => index + 1),
    );
  });

  it('upgrades a database of an older version and keeps its runs', () => {
    const path = files.path();
    const old = new Database(path);
    migrate(old, MIGRATIONS.slice(0, 1));
    old
      .prepare(
        `INSERT INTO runs (run_id, pipeline_name, input, status, started_at)
         VALUES ('old-run', 'demo', '"hi"', 'succeeded', 1)`,
      )
      .run();
    const insertEvent = old.prepare(
      `INSERT INTO run_events (run_id, seq, type, at, path, event) VALUES ('old-run', ?, ?, ?, ?, ?)`,
    );
    for (const event of makeEvents('old-run', 2)) {
      insertEvent.run(event.seq, event.type, event.at, event.path, JSON.stringify(event));
    }
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const store = openSqliteRunStore({ path });
    expect(store.getRun('old-run')?.pipelineName).toBe('demo');
    expect(store.readEvents('old-run')).toEqual(makeEvents('old-run', 2));
    store.setSetting('theme', 'dark');
    expect(store.getSetting('theme')).toBe('dark');
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    raw.close();
  });

  it('migrates a file only once when two connections open it', () => {
    const path = files.path();
    const raw = new Database(path);
    expect(migrate(raw)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(migrate(raw)).toEqual([]);
    raw.close();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it alone', () => {
    const path = files.path();
    openSqliteRunStore({ path }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${String(LATEST_SCHEMA_VERSION + 1)}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = readFileSync(path);
    const error = openError(() => openSqliteRunStore({ path }));
    expect(error.reason).toBe('newer-schema');
    expect(error.message).toContain('newer Flujo Studio');
    expect(error.message).toContain(`schema version ${String(LATEST_SCHEMA_VERSION + 1)}`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('SQLite store: files that are not run databases', () => {
  it('refuses a non-SQLite file with a clear error and leaves it untouched', () => {
    const path = files.path('notes.sqlite');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(50));
    const before = readFileSync(path);
    const error = openError(() => openSqliteRunStore({ path }));
    expect(error.reason).toBe('not-a-database');
    expect(error.message).toContain(path);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a damaged SQLite file with a clear error and leaves it untouched', () => {
    const path = files.path();
    const store = openSqliteRunStore({ path });
    store.createRun(newRun('r1'));
    store.close();
    const bytes = readFileSync(path);
    // Keep the SQLite header, scribble over everything after it.
    bytes.fill(0xa5, 16);
    writeFileSync(path, bytes);
    const error = openError(() => openSqliteRunStore({ path }));
    expect(error.reason).toBe('not-a-database');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('creates missing folders for a new database', () => {
    const path = files.path('nested/deeper/runs.sqlite');
    const store = openSqliteRunStore({ path });
    store.close();
    expect(existsSync(path)).toBe(true);
  });
});

const childScript = fileURLToPath(new URL('./__fixtures__/storeChild.ts', import.meta.url));

function startChild(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready')) resolve();
    });
    child.on('exit', () => {
      reject(new Error(`child exited before it was ready: ${stderr}`));
    });
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
  return { process: child, ready, exited };
}

async function runChild(args: string[]): Promise<string> {
  const child = startChild(args);
  child.ready.catch(() => undefined);
  const { code, stdout, stderr } = await child.exited;
  if (code !== 0) throw new Error(`child failed (${String(code)}): ${stderr}`);
  return stdout;
}
