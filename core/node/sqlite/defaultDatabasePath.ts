import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** What `defaultDatabasePath` looks at; defaults to the running process. */
export interface DatabasePathEnvironment {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly homeDir?: string;
}

/** The file name of the run database inside the app-data folder. */
export const DATABASE_FILE_NAME = 'runs.sqlite';

/**
 * Where the run database lives by default: `FLUJO_STUDIO_DB` if set, else the OS's per-user
 * app-data folder — Linux `$XDG_DATA_HOME/flujo-studio` (or `~/.local/share/flujo-studio`), macOS
 * `~/Library/Application Support/Flujo Studio`, Windows `%APPDATA%\Flujo Studio`.
 */
export function defaultDatabasePath(environment: DatabasePathEnvironment = {}): string {
  const env = environment.env ?? process.env;
  const override = env.FLUJO_STUDIO_DB;
  if (override !== undefined && override !== '') return override;
  const platform = environment.platform ?? process.platform;
  const home = environment.homeDir ?? homedir();
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, 'Flujo Studio', DATABASE_FILE_NAME);
  }
  if (platform === 'darwin') {
    return posix.join(home, 'Library', 'Application Support', 'Flujo Studio', DATABASE_FILE_NAME);
  }
  const dataHome = env.XDG_DATA_HOME || posix.join(home, '.local', 'share');
  return posix.join(dataHome, 'flujo-studio', DATABASE_FILE_NAME);
}
