import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temporary database paths for tests, removed by `cleanup()`. */
export function temporaryDatabases(): { path: (name?: string) => string; cleanup: () => void } {
  const dirs: string[] = [];
  return {
    path(name = 'runs.sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'flujo-store-'));
      dirs.push(dir);
      return join(dir, name);
    },
    cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
