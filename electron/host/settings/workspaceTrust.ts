import path from 'node:path';
import type { RunStore } from '../../../core/store';
import { isInside } from '../documents/documentPaths';

const TRUST_KEY = 'workspace.trust';

/** Folders the user trusted (or explicitly distrusted) to run custom JS skills. */
function trustTable(store: RunStore): Record<string, boolean> {
  const value = store.getSetting(TRUST_KEY);
  return typeof value === 'object' && value !== null ? (value as Record<string, boolean>) : {};
}

/** Records the user's trust decision for a folder. */
export function setFolderTrust(store: RunStore, folder: string, trusted: boolean): void {
  store.setSetting(TRUST_KEY, { ...trustTable(store), [path.resolve(folder)]: trusted });
}

/** Whether custom code in `folder` may run: it or a folder above it is trusted. */
export function isFolderTrusted(store: RunStore, folder: string): boolean {
  const target = path.resolve(folder);
  return Object.entries(trustTable(store)).some(
    ([trusted, yes]) => yes && isInside(trusted, target),
  );
}
