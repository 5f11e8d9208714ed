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

const electron = findElectronRuntime();
const desktopBuilt = existsSync(desktopMain) && existsSync(renderer);
if (electron.runtime && desktopBuilt) {
  // `electron <root>` loads package.json `main` (dist/electron/main.js) with the root as app path.
  process.exit(await run(electron.runtime, [root, sample]));
}

if (electron.runtime) {
  console.log(
    'An Electron runtime is available, but the desktop app is not built yet (run `npm run build:renderer && npm run build:electron`). Starting browser mode instead.',
  );
} else {
  console.log(
    `No Electron runtime is available here (${electron.reason}). Starting browser mode instead.`,
  );
}
if (!existsSync(renderer)) {
  console.log(
    'The renderer is not built yet; run `npm run build:renderer` so the page has something to show.',
  );
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
