import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The file operations an atomic write needs; tests inject failures. */
export interface AtomicWriteFs {
  readonly open: typeof fs.open;
  readonly rename: typeof fs.rename;
  readonly unlink: typeof fs.unlink;
  readonly mkdir: typeof fs.mkdir;
}

const nodeFs: AtomicWriteFs = {
  open: fs.open,
  rename: fs.rename,
  unlink: fs.unlink,
  mkdir: fs.mkdir,
};

/**
 * Writes `data` to `file` so that a crash or an error at any point leaves either the old file or
 * the new one, never a truncated mix: a temp file in the same folder (same file system, so the
 * rename is atomic), written and fsynced, then renamed over the target. The temp file is removed
 * when anything fails.
 */
export async function writeFileAtomic(
  file: string,
  data: string,
  io: AtomicWriteFs = nodeFs,
): Promise<void> {
  const folder = path.dirname(file);
  await io.mkdir(folder, { recursive: true });
  const temp = path.join(
    folder,
    `.${path.basename(file)}.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await io.open(temp, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temp, file);
  } catch (error) {
    await io.unlink(temp).catch((cleanupError: unknown) => {
      // The temp file may never have been created; anything else is secondary to `error`.
      if (!isMissingFile(cleanupError)) throw error;
    });
    throw error;
  }
  await syncFolder(folder, io);
}

/** Makes the rename durable on POSIX; Windows cannot open a folder, and needs no such step. */
async function syncFolder(folder: string, io: AtomicWriteFs): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await io.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether an fs error says the file does not exist. */
export function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
