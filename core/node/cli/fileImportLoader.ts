import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportLoad } from '../../validate';

/** Why a file could not be read, in words (`no such file` rather than an errno dump). */
export function readFailure(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'no such file';
  if (error instanceof Error && 'code' in error && error.code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/**
 * A file path as the CLI shows it (and hands to the validator): relative to the current folder
 * when the file is inside it, else absolute. One form per file keeps import-cycle detection exact.
 */
export function displayPath(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return inside ? relative : absolute;
}

/**
 * The file-system `loadImport` port: reads `importPath` relative to the importing file's folder
 * (the current folder when there is none), synchronously, as `validatePipeline` needs. The file it
 * names is in `displayPath` form.
 */
export function loadImportFromDisk(importPath: string, fromFile: string | undefined): ImportLoad {
  const folder = fromFile === undefined ? process.cwd() : path.dirname(path.resolve(fromFile));
  const file = displayPath(path.resolve(folder, importPath));
  try {
    return { ok: true, file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { ok: false, file, reason: readFailure(error) };
  }
}
