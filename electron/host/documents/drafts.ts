import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMissingFile, writeFileAtomic } from './atomicWrite';

/** A crash-recovery copy of an unsaved document. */
export interface Draft {
  readonly key: string;
  readonly text: string;
  readonly sidecar?: Record<string, unknown>;
  readonly savedAt: number;
}

/**
 * Crash-recovery copies of unsaved documents, one JSON file per key in `<appDataDir>/drafts/`,
 * written atomically. File names are a hash of the key, so any key (a path, `untitled-1`) is safe.
 */
export class DraftStore {
  private readonly folder: string;

  constructor(appDataDir: string) {
    this.folder = path.join(appDataDir, 'drafts');
  }

  /** Saves (replaces) the draft of `key`. */
  async save(draft: Draft): Promise<void> {
    await writeFileAtomic(this.fileOf(draft.key), `${JSON.stringify(draft)}\n`);
  }

  /** Every draft, newest first; unreadable files are skipped. */
  async list(): Promise<Draft[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch (error) {
      if (isMissingFile(error)) return [];
      throw error;
    }
    const drafts: Draft[] = [];
    for (const name of names.filter((entry) => entry.endsWith('.json'))) {
      const draft = parseDraft(await fs.readFile(path.join(this.folder, name), 'utf8'));
      if (draft !== undefined) drafts.push(draft);
    }
    return drafts.sort((a, b) => b.savedAt - a.savedAt);
  }

  /** Removes the draft of `key` (nothing happens when there is none). */
  async discard(key: string): Promise<void> {
    await fs.unlink(this.fileOf(key)).catch((error: unknown) => {
      if (!isMissingFile(error)) throw error;
    });
  }

  private fileOf(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
    return path.join(this.folder, `${hash}.json`);
  }
}

function parseDraft(text: string): Draft | undefined {
  try {
    const value = JSON.parse(text) as Partial<Draft> | null;
    if (
      value !== null &&
      typeof value.key === 'string' &&
      typeof value.text === 'string' &&
      typeof value.savedAt === 'number'
    ) {
      return value as Draft;
    }
  } catch {
    // A draft half-written by an older build, or edited by hand: not recoverable, so not listed.
    return undefined;
  }
  return undefined;
}
