// `npm run bench` step 1: installs the bench-only peer engines (bench/package.json) when they are
// missing. Never fails the bench: without them the engine table says how to install them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bench = fileURLToPath(new URL('..', import.meta.url));
const peers = ['@langchain/langgraph', '@langchain/core', '@ironclad/rivet-core', 'zod'];
const missing = peers.filter((name) => !existsSync(`${bench}node_modules/${name}/package.json`));
if (missing.length > 0 && process.env.BENCH_NO_INSTALL === undefined) {
  console.log(`Installing the bench peers (${missing.join(', ')}) into bench/node_modules…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', bench, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (result.status !== 0)
    console.log('Could not install the bench peers; their rows will say so.');
}
