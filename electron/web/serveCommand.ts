import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { HostOptions } from '../host';
import { createEnvSecretStore, createHost } from '../host';
import { openBrowser } from './openBrowser';
import { startWebServer } from './startWebServer';

/** Where the CLI writes (the launcher passes stdout/stderr). */
export interface ServeOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** What the composition root (core/node/cli/flujo-studio.mjs) hands `serve`. */
export interface ServeDependencies {
  /**
   * Opens the run database: `db`, else `FLUJO_STUDIO_DB`, else the per-user default. It lives in
   * core/node, which electron/web may not import, so the launcher passes it in.
   */
  readonly openStore: (db: string | undefined) => {
    readonly store: HostOptions['store'];
    readonly path: string;
  };
  /** Resolves when the process should stop (default: on SIGINT or SIGTERM). */
  readonly untilStopped?: () => Promise<void>;
  /** The built renderer (default: the repository's `dist/renderer`). */
  readonly rendererDir?: string;
}

interface ParsedServeOptions {
  readonly port?: number;
  readonly db?: string;
  readonly open: boolean;
}

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port).');
  }
  return port;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The workspace folder and the file to open, from `serve [file-or-folder]`. */
function targetOf(target: string | undefined): { workspace: string; initialFile?: string } {
  const resolved = path.resolve(target ?? '.');
  let isFile: boolean;
  try {
    isFile = statSync(resolved).isFile();
  } catch {
    throw new ServeFailure(`cannot open ${target ?? '.'}: no such file or folder.`);
  }
  return isFile
    ? { workspace: path.dirname(resolved), initialFile: resolved }
    : { workspace: resolved };
}

class ServeFailure extends Error {}

async function serve(
  target: string | undefined,
  parsed: ParsedServeOptions,
  output: ServeOutput,
  dependencies: ServeDependencies,
): Promise<void> {
  const scope = targetOf(target);
  const { store, path: dbPath } = dependencies.openStore(parsed.db);
  try {
    const host = createHost({
      store,
      mode: 'browser',
      secrets: createEnvSecretStore(),
      // Drafts live next to the run database (`--db` in a temp folder keeps tests self-contained).
      appDataDir: path.dirname(path.resolve(dbPath)),
      ...scope,
    });
    try {
      const server = await startWebServer({
        host,
        rendererDir: dependencies.rendererDir ?? DEFAULT_RENDERER_DIR,
        ...(parsed.port === undefined ? {} : { port: parsed.port }),
      });
      output.out(`Flujo Studio: ${server.url}\n`);
      if (parsed.open) openBrowser(server.url);
      await (dependencies.untilStopped ?? untilSignal)();
      await server.close();
    } finally {
      await host.close();
    }
  } finally {
    store.close();
  }
}

/**
 * `flujo-studio serve [file-or-folder] [--port N] [--db PATH] [--no-open]`: browser mode. Prints
 * one line with the URL (and its session token), serves until SIGINT/SIGTERM, then closes the
 * server, the host and the database; resolves to the exit code (2 for bad usage, 1 for failures).
 */
export async function runServeCommand(
  args: readonly string[],
  output: ServeOutput,
  dependencies: ServeDependencies,
): Promise<number> {
  let exitCode = 0;
  const program = new Command('flujo-studio serve')
    .description('Open the studio in a browser (browser mode, on 127.0.0.1 with a session token).')
    .argument('[file-or-folder]', 'pipeline file to open, or the workspace folder')
    .option('--port <n>', 'port to listen on (default: a free one)', portNumber)
    .option('--db <path>', 'run database (default: $FLUJO_STUDIO_DB, else the app-data folder)')
    .option('--no-open', 'do not open a browser')
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .action(async (target: string | undefined, parsed: ParsedServeOptions) => {
      await serve(target, parsed, output, dependencies);
      exitCode = 0;
    });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const reason = error instanceof Error ? error.message : String(error);
    output.err(`flujo-studio: ${reason}\n`);
    return 1;
  }
}
