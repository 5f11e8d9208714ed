import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { HostFailure } from '../hostFailure';

/** Where documents may live: the workspace, and whether paths outside it are refused. */
export interface DocumentScope {
  readonly mode: 'electron' | 'browser';
  readonly workspace?: string;
}

/**
 * The absolute path of a requested document. Relative paths resolve against the workspace (or the
 * current folder). In browser mode with a workspace, a path outside it — also through a symbolic
 * link — is refused: a web page must not read or write the user's other files through the studio.
 * Electron mode allows any path, as the user picks it in a native dialog.
 */
export function resolveDocumentPath(scope: DocumentScope, requested: string): string {
  const base = scope.workspace ?? process.cwd();
  const absolute = path.resolve(base, requested);
  if (scope.mode === 'browser' && scope.workspace !== undefined) {
    const workspace = realPathOf(path.resolve(scope.workspace));
    if (!isInside(workspace, realPathOf(absolute))) {
      throw new HostFailure(
        'PathOutsideWorkspace',
        `${requested} is outside the workspace ${scope.workspace}; browser mode only opens and saves files inside it.`,
        'Pick a file inside the workspace folder, or start `flujo-studio serve` on the folder that holds it.',
      );
    }
  }
  return absolute;
}

/** Whether `target` is `folder` itself or inside it. */
export function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of the longest existing part of `target`, with the rest appended. */
function realPathOf(target: string): string {
  let existing = target;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) return target;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(realpathSync(existing), ...rest);
}
