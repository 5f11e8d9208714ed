import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { diffComm } from 'node-diff3';

/** Folder of the shared corpus of real Flujo files (`../shared/corpus` next to the repo). */
export const corpusDir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

/** Folder of this module's own fixture files. */
export const fixturesDir = fileURLToPath(new URL('./', import.meta.url));

/** Every `*.yaml`/`*.yml` below a folder, as paths relative to it, sorted. */
export function yamlFilesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current).sort()) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry)) out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

/** Reads a file below a folder as UTF-8 text. */
export function readText(dir: string, relative: string): string {
  return readFileSync(path.join(dir, relative), 'utf8');
}

function isNodeSource(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'range' in value && 'fields' in value;
}

/** A copy of a model without `source` ranges, for readable snapshots and comparisons. */
export function stripSource<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => stripSource(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'source' && isNodeSource(field)) continue;
    out[key] = stripSource(field);
  }
  return out as T;
}

/** The lines removed from `before` and added in `after`, in order (a line diff). */
export function lineChanges(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffComm(before.split('\n'), after.split('\n'))) {
    if (part.common) continue;
    removed.push(...part.buffer1);
    added.push(...part.buffer2);
  }
  return { removed, added };
}
