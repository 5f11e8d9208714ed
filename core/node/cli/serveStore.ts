import path from 'node:path';
import type { RunStore } from '../../store';
import { defaultDatabasePath } from '../sqlite';
import { openCliStore } from './openCliStore';

/**
 * The run database for `serve` (`--db`, else `FLUJO_STUDIO_DB`, else the per-user default), and its
 * path. The launcher passes this to electron/web's serve command, which may not import core/node.
 */
export function openServeStore(db: string | undefined): {
  readonly store: RunStore;
  readonly path: string;
} {
  const file = path.resolve(db ?? defaultDatabasePath());
  return { store: openCliStore(file), path: file };
}
