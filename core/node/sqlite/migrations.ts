import type { Database } from 'better-sqlite3';

/** One schema step: applied once, in order, in its own transaction. */
export interface Migration {
  /** 1, 2, 3, …; the database's `user_version` after this migration. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema as an ordered list of migrations. Never edit a released migration: append a new one
 * (databases in the field have already run the old ones).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs and events',
    sql: `
      CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at INTEGER NOT NULL
      );
      CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        pipeline_name TEXT NOT NULL,
        file TEXT,
        input TEXT,
        status TEXT NOT NULL CHECK (status IN
          ('running', 'paused', 'succeeded', 'failed', 'cancelled', 'interrupted')),
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        pid INTEGER,
        output TEXT,
        error TEXT,
        usage TEXT
      );
      CREATE INDEX runs_by_start ON runs (started_at DESC);
      CREATE INDEX runs_by_file ON runs (file, started_at DESC);
      CREATE INDEX runs_by_status ON runs (status, started_at DESC);
      CREATE TABLE run_events (
        run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        path TEXT NOT NULL,
        event TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;
      CREATE TRIGGER run_events_append_only BEFORE UPDATE ON run_events
        BEGIN SELECT RAISE(ABORT, 'run_events is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'step results, checkpoints and HITL requests',
    sql: `
      CREATE TABLE step_results (
        run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        parent_id INTEGER,
        position INTEGER NOT NULL,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        success INTEGER NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (run_id, id),
        FOREIGN KEY (run_id, parent_id) REFERENCES step_results (run_id, id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX step_results_by_path ON step_results (run_id, path);
      CREATE TABLE checkpoints (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        checkpoint TEXT NOT NULL
      );
      CREATE INDEX checkpoints_by_run ON checkpoints (run_id, created_at);
      CREATE TABLE hitl_requests (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
        checkpoint_id TEXT NOT NULL UNIQUE REFERENCES checkpoints (id) ON DELETE CASCADE,
        request TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'answered')),
        created_at INTEGER NOT NULL,
        answer TEXT,
        answered_at INTEGER
      );
      CREATE INDEX hitl_by_status ON hitl_requests (status, created_at);
      CREATE INDEX hitl_by_run ON hitl_requests (run_id, created_at);
    `,
  },
  {
    version: 3,
    name: 'cache entries, recent files and settings',
    sql: `
      CREATE TABLE cache_entries (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER
      );
      CREATE TABLE recent_files (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL UNIQUE,
        opened_at INTEGER NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
];

/** The schema version this build writes and understands. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** The database's schema version (`PRAGMA user_version`; 0 for a new file). */
export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations the database has not run yet, each in an immediate transaction that
 * re-reads the version first (two processes opening the same new file migrate it once).
 * Returns the versions it applied.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = () => Date.now(),
): number[] {
  const last = migrations[migrations.length - 1];
  if (last === undefined || schemaVersionOf(db) >= last.version) return [];
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (schemaVersionOf(db) >= migration.version) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now(),
      );
      db.pragma(`user_version = ${String(migration.version)}`);
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return applied;
}
