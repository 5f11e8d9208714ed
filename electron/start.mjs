// `npm start`: opens the studio in Electron when its runtime can be had, else says so and falls
// back. Kept in plain JavaScript so it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = fileURLToPath(new URL('../docs/samples/support-triage.yaml', import.meta.url));
const desktopMain = fileURLToPath(new URL('../dist/electron/main/index.js', import.meta.url));

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
    ? 'its download failed: no internet access'
    : (output.split('\n').find((line) => line.startsWith('Error')) ?? 'electron did not load');
  return { reason };
}

const electron = findElectronRuntime();
if (electron.runtime && existsSync(desktopMain)) {
  const app = spawnSync(electron.runtime, [desktopMain, sample], { stdio: 'inherit' });
  process.exit(app.status ?? 1);
}

if (electron.runtime) {
  console.log('Electron runtime found, but this version has no desktop shell yet.');
} else {
  console.log(`No Electron runtime is available here (${electron.reason}).`);
}
console.log(
  'Browser mode arrives with the host and shells; until then `npm start` prints the sample pipeline as the studio reads it.\n',
);
const { previewPipelineFile } = await tsImport(
  '../core/node/previewPipelineFile.ts',
  import.meta.url,
);
process.exit(await previewPipelineFile(sample));
