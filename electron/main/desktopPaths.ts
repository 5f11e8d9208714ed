import path from 'node:path';

/** Where the desktop app finds its parts and keeps its data. */
export interface DesktopPaths {
  /** The app's root (the repository in development, `app.asar` when packaged). */
  readonly appRoot: string;
  /** The bundled preload (`npm run build:electron`). */
  readonly preload: string;
  /** The built renderer (`vite build`), served as `app://flujo/`. */
  readonly renderer: string;
  /** The bundled example pipelines. */
  readonly samples: string;
  /** Electron's per-user data folder. */
  readonly userData: string;
  /** The run database: `FLUJO_STUDIO_DB` if set, else `<userData>/runs.sqlite`. */
  readonly database: string;
  /** The safeStorage-encrypted API keys. */
  readonly secrets: string;
}

/** The desktop app's paths from its root, Electron's user-data folder and the environment. */
export function desktopPaths(
  appRoot: string,
  userData: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): DesktopPaths {
  const override = env.FLUJO_STUDIO_DB;
  return {
    appRoot,
    preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
    renderer: path.join(appRoot, 'dist', 'renderer'),
    samples: path.join(appRoot, 'examples'),
    userData,
    database:
      override !== undefined && override !== '' ? override : path.join(userData, 'runs.sqlite'),
    secrets: path.join(userData, 'secrets.json'),
  };
}

/** The pipeline file named on the command line (`electron . pipeline.yaml`), if any. */
export function initialFileFromArgv(argv: readonly string[]): string | undefined {
  const file = argv.slice(1).find((arg) => !arg.startsWith('-') && /\.ya?ml$/i.test(arg));
  return file === undefined ? undefined : path.resolve(file);
}
