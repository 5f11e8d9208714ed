// `npm start`: opens the studio in Electron when its runtime can be had, else says so plainly and
// starts browser mode (`flujo-studio serve`) on the sample pipeline. Kept in plain JavaScript so
// it runs before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = fileURLToPath(new URL('../examples/hello.yaml', import.meta.url));
const desktopMain = fileURLToPath(new URL('../dist/electron/main.js', import.meta.url));
const renderer = fileURLToPath(new URL('../dist/renderer/index.html', import.meta.url));
const cli = fileURLToPath(new URL('../core/node/cli/flujo-studio.mjs', import.meta.url));

// Requiring `electron` yields the runtime's path, downloading it on first use (electron ≥ 45); a
// machine without internet access fails here within a second.
function findElectronRuntime() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const runtime = probe.stdout.trim();
  if (probe.status === 0 && runtime && existsSync(runtime)) return { runtime };
  const output = `${probe.stderr ?? ''}\n${probe.error?.message ?? ''}`;
  const download = /TypeError: fetch failed|ENOTFOUND|EAI_AGAIN/.test(output);
  const reason = download
    ? 'the electron package has no binary and downloading one failed: no internet access'
    : (output.split('\n').find((line) => line.startsWith('Error')) ?? 'electron did not load');
  return { reason };
}

/** Runs a command with our terminal; resolves with its exit code (Ctrl-C goes to it too). */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}

/** Runs an npm script of this package; resolves with its exit code. */
function npmRun(script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return run(npm, ['run', '--silent', script]);
}

const electron = findElectronRuntime();
if (electron.runtime) {
  if (!existsSync(renderer) || !existsSync(desktopMain)) {
    console.log('Building the desktop app (first start only)…');
    const built =
      (existsSync(renderer) ? 0 : await npmRun('build:renderer')) ||
      (existsSync(desktopMain) ? 0 : await npmRun('build:electron'));
    if (built !== 0) console.log('The desktop build failed; starting browser mode instead.');
  }
  if (existsSync(desktopMain) && existsSync(renderer)) {
    // `electron <root>` loads package.json `main` (dist/electron/main.js) with the root as app path.
    process.exit(await run(electron.runtime, [root, sample]));
  }
} else {
  console.log(
    `No Electron runtime is available here (${electron.reason}). Starting browser mode instead.`,
  );
}
if (!existsSync(renderer)) {
  console.log("Building the studio's user interface (first start only, about half a minute)…");
  if ((await npmRun('build:renderer')) !== 0) {
    console.log('The build failed; the page will say what is missing.');
  }
}

const started = Date.now();
const served = await run(process.execPath, [cli, 'serve', sample]);
// Ctrl-C / SIGTERM after a normal start is the usual way to leave browser mode.
if (served === 0 || served === 130) process.exit(served);
if (Date.now() - started > 10_000) process.exit(served);

// `serve` could not start at all: still show what the studio reads from the sample.
console.log(
  '\nBrowser mode could not start; printing the sample pipeline as the studio reads it instead.\n',
);
const { tsImport } = await import('tsx/esm/api');
const { previewPipelineFile } = await tsImport(
  '../core/node/previewPipelineFile.ts',
  import.meta.url,
);
process.exit(await previewPipelineFile(sample));
