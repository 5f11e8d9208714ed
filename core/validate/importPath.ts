/**
 * Pure POSIX-style path helpers for resolving `imports:` entries against the importing file (core
 * cannot use node:path). Backslashes count as separators so Windows paths resolve too.
 */

/** `a/./b/../c` → `a/c`; keeps a leading `/` (or drive root) and leading `..` of relative paths. */
export function normalizePath(path: string): string {
  const unified = path.replace(/\\/g, '/');
  const absolute = unified.startsWith('/');
  const parts: string[] = [];
  for (const part of unified.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  if (absolute) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** The folder of a file path (`.` for a bare file name). */
export function folderOf(file: string): string {
  const unified = file.replace(/\\/g, '/');
  const slash = unified.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : unified.slice(0, slash);
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * Where an import points: `importPath` as written, resolved against the folder of `fromFile` (the
 * current folder when the importing file has no path). Absolute import paths stay as they are.
 */
export function resolveImportPath(fromFile: string | undefined, importPath: string): string {
  if (isAbsolutePath(importPath)) return normalizePath(importPath);
  const base = fromFile === undefined ? '.' : folderOf(fromFile);
  return normalizePath(`${base}/${importPath}`);
}
