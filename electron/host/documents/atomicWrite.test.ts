import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const io = { open: fs.open, rename: fs.rename, unlink: fs.unlink, mkdir: fs.mkdir };

describe('writeFileAtomic', () => {
  it('replaces the file in one step', async () => {
    const file = path.join(dir, 'a.yaml');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.yaml']);
  });

  it('leaves the old file whole and no temp file when the rename fails', async () => {
    const file = path.join(dir, 'a.yaml');
    await writeFile(file, 'old content');
    const failing = {
      ...io,
      rename: () => Promise.reject(new Error('disk unplugged')),
    };
    await expect(writeFileAtomic(file, 'new content', failing)).rejects.toThrow('disk unplugged');
    expect(await readFile(file, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['a.yaml']);
  });

  it('leaves the old file whole when writing the temp file fails', async () => {
    const file = path.join(dir, 'a.yaml');
    await writeFile(file, 'old content');
    const failing = {
      ...io,
      open: async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        return Object.assign(handle, {
          writeFile: async (data: string) => {
            await handle.write(data.slice(0, 3));
            throw new Error('no space left on device');
          },
        });
      },
    };
    await expect(writeFileAtomic(file, 'new content', failing)).rejects.toThrow('no space');
    expect(await readFile(file, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['a.yaml']);
  });
});
