import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunStore, RunStoreOptions } from '../../store';
import { RunStoreError } from '../../store';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersionOf } from './migrations';
import { resolveNativeBinding } from './resolveNativeBinding';
import { isNotADatabaseError } from './sqliteErrors';
import { createSqliteRunStore } from './sqliteRunStore';

/** Options of `openSqliteRunStore`. */
export interface SqliteRunStoreOptions extends RunStoreOptions {
  /** The database file, or `':memory:'`. Missing folders are created. */
  readonly path: string;
  /** The compiled better-sqlite3 addon to load; defaults to `resolveNativeBinding()`. */
  readonly nativeBinding?: string;
  /** How long a write waits for another process's transaction, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (creating and migrating as needed) the SQLite run store: WAL journal, foreign keys on, a
 * busy timeout so the app and a CLI run can share the file. Refuses, with a RunStoreError and
 * without writing to it, a file that is not a SQLite database (`not-a-database`) or that a newer
 * Flujo Studio wrote (`newer-schema`).
 */
export function openSqliteRunStore(options: SqliteRunStoreOptions): RunStore {
  const { path } = options;
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) prepareFile(path);
  const latest = LATEST_SCHEMA_VERSION;
  const db = connect(path, options.nativeBinding ?? resolveNativeBinding());
  try {
    db.pragma(`busy_timeout = ${String(options.busyTimeoutMs ?? 5_000)}`);
    const version = schemaVersionOf(db);
    if (version > latest) {
      throw new RunStoreError(
        'newer-schema',
        `The run database ${path} was written by a newer Flujo Studio (schema version ${String(version)}; this version understands up to ${String(latest)}).`,
        { suggestion: 'Update Flujo Studio, or point FLUJO_STUDIO_DB (or --db) at another file.' },
      );
    }
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, undefined, options.now);
    return createSqliteRunStore(db, options);
  } catch (error) {
    db.close();
    if (error instanceof RunStoreError) throw error;
    if (isNotADatabaseError(error)) throw notADatabase(path, error);
    throw new RunStoreError(
      'open-failed',
      `Could not open the run database ${path}: ${message(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** Creates the folder of a new database, and checks an existing file's header without writing. */
function prepareFile(path: string): void {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    return;
  }
  const header = readHeader(path);
  // An empty file is what SQLite itself creates before the first write; it becomes a database.
  if (header.length > 0 && header !== SQLITE_HEADER) throw notADatabase(path);
}

/** The first bytes of a file (up to the SQLite header's length), as latin1 text. */
function readHeader(path: string): string {
  try {
    const fd = openSync(path, 'r');
    try {
      const header = Buffer.alloc(SQLITE_HEADER.length);
      const read = readSync(fd, header, 0, header.length, 0);
      return header.toString('latin1', 0, read);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new RunStoreError(
      'open-failed',
      `Could not read the run database ${path}: ${message(error)}`,
      { cause: error },
    );
  }
}

function connect(path: string, nativeBinding: string | undefined): Database.Database {
  try {
    return new Database(path, nativeBinding === undefined ? {} : { nativeBinding });
  } catch (error) {
    if (isNotADatabaseError(error)) throw notADatabase(path, error);
    if (
      /NODE_MODULE_VERSION|different Node\.js version|bindings file|ELF header|dlopen/i.test(
        message(error),
      )
    ) {
      throw new RunStoreError(
        'native-binding',
        `The SQLite module (better-sqlite3) does not load in this runtime: ${message(error)}`,
        {
          cause: error,
          suggestion:
            'Under Electron, build native/electron/better_sqlite3.node (see core/node/sqlite/README.md); under Node, run npm rebuild better-sqlite3.',
        },
      );
    }
    throw new RunStoreError(
      'open-failed',
      `Could not open the run database ${path}: ${message(error)}`,
      {
        cause: error,
      },
    );
  }
}

function notADatabase(path: string, cause?: unknown): RunStoreError {
  return new RunStoreError(
    'not-a-database',
    `${path} is not a Flujo Studio run database (not a SQLite file, or damaged). It was left untouched.`,
    {
      ...(cause === undefined ? {} : { cause }),
      suggestion: 'Move the file away or point FLUJO_STUDIO_DB (or --db) at another path.',
    },
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
