import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (the CLI runs from there, as a user would). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const launcher = 'core/node/cli/flujo-studio.mjs';

/** What a finished CLI process printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to start the CLI: extra environment and what to pipe into stdin (nothing: closed at once). */
export interface CliSpawnOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdin?: string;
}

function environment(extra: CliSpawnOptions['env']): NodeJS.ProcessEnv {
  // An `undefined` value removes the variable (e.g. a FLUJO_INPUT set where the tests run).
  return Object.fromEntries(
    Object.entries({ ...process.env, ...extra }).filter(([, value]) => value !== undefined),
  );
}

/** Starts `node core/node/cli/flujo-studio.mjs …` without waiting (for kill and signal tests). */
export function startCli(args: readonly string[], options: CliSpawnOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [launcher, ...args], {
    cwd: repoRoot,
    env: environment(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(options.stdin ?? '');
  return child;
}

/** Collects a started CLI's output until it exits. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the CLI to its end (asynchronously, so a fake server in the test can answer it). */
export function cli(args: readonly string[], options: CliSpawnOptions = {}): Promise<CliRun> {
  return finished(startCli(args, options));
}

/** Fails a test when the CLI printed a stack trace. */
export function hasStackTrace(run: CliRun): boolean {
  return /^\s+at /m.test(run.stderr) || /^\s+at /m.test(run.stdout);
}
