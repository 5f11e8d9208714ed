import { promises as fs } from 'node:fs';
import path from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const MAX_FILES = 5_000;

/** A pipeline file found in the workspace: absolute path and the path relative to the workspace. */
export interface WorkspaceFile {
  readonly path: string;
  readonly name: string;
}

/**
 * Every `*.yaml` / `*.yml` file under `workspace`, recursively, skipping `node_modules` and `.git`,
 * sorted by relative path (at most 5,000, so a huge folder cannot stall the host).
 */
export async function listWorkspaceFiles(workspace: string): Promise<WorkspaceFile[]> {
  const found: WorkspaceFile[] = [];
  const visit = async (folder: string): Promise<void> => {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (found.length >= MAX_FILES) return;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await visit(full);
      } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        found.push({ path: full, name: path.relative(workspace, full).split(path.sep).join('/') });
      }
    }
  };
  await visit(workspace);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
