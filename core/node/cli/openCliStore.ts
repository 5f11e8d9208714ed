import type { RunStore } from '../../store';
import { defaultDatabasePath, isProcessAlive, openSqliteRunStore } from '../sqlite';

/**
 * Opens the run database the CLI works on: `--db`, else `FLUJO_STUDIO_DB`, else the per-user
 * default. Like the app on start, it marks runs left `running` by dead processes `interrupted`.
 */
export function openCliStore(db: string | undefined): RunStore {
  const store = openSqliteRunStore({ path: db ?? defaultDatabasePath() });
  try {
    store.recoverInterrupted(isProcessAlive);
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

/** Runs `body` with the store open and closes it afterwards, whatever happens. */
export async function withCliStore<T>(
  db: string | undefined,
  body: (store: RunStore) => Promise<T> | T,
): Promise<T> {
  const store = openCliStore(db);
  try {
    return await body(store);
  } finally {
    store.close();
  }
}
