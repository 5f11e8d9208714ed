import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the Electron build of better-sqlite3 goes, relative to the app root (README.md). */
export const ELECTRON_BINDING_PATH = join('native', 'electron', 'better_sqlite3.node');

/** What `resolveNativeBinding` looks at; defaults to the running process. */
export interface NativeBindingEnvironment {
  /** `process.versions`; `electron` is set only under Electron. */
  readonly versions?: Readonly<Record<string, string | undefined>>;
  /** Electron's `process.resourcesPath` (where a packaged app's asar and unpacked files live). */
  readonly resourcesPath?: string;
  /** The repository / app root (defaults to three folders above this file). */
  readonly appRoot?: string;
  readonly exists?: (path: string) => boolean;
}

/**
 * The better-sqlite3 addon to load: under Electron (another ABI than Node) the separate Electron
 * build at `native/electron/better_sqlite3.node` (beside the app, in `app.asar.unpacked`, or in
 * the resources folder); otherwise, or when none is found, `undefined` = the package's default
 * build for plain Node.
 */
export function resolveNativeBinding(
  environment: NativeBindingEnvironment = {},
): string | undefined {
  const versions = environment.versions ?? process.versions;
  if (versions.electron === undefined) return undefined;
  const exists = environment.exists ?? existsSync;
  const appRoot = environment.appRoot ?? fileURLToPath(new URL('../../../', import.meta.url));
  const resourcesPath =
    environment.resourcesPath ?? (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    unpacked(join(appRoot, ELECTRON_BINDING_PATH)),
    ...(resourcesPath === undefined
      ? []
      : [
          join(resourcesPath, 'app.asar.unpacked', ELECTRON_BINDING_PATH),
          join(resourcesPath, ELECTRON_BINDING_PATH),
        ]),
  ];
  return candidates.find((candidate) => exists(candidate));
}

/** A native addon cannot be loaded from inside an asar archive; electron-builder unpacks it. */
function unpacked(path: string): string {
  return path.replace(/\.asar([\\/])/, '.asar.unpacked$1');
}
