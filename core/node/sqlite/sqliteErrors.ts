/** The SQLite result code of a better-sqlite3 error (`SQLITE_CONSTRAINT_UNIQUE`, …), if any. */
export function sqliteCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Whether an error is a UNIQUE or PRIMARY KEY violation. */
export function isConstraintError(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Whether an error says the file is not a (healthy) SQLite database. */
export function isNotADatabaseError(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_INDEX';
}
