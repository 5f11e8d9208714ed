// `npm run build:electron`: bundles the Electron main process, the run worker and the preload into
// dist/electron/ with esbuild. The layout matters: the host finds package.json (`../../`) and a
// built `runWorker.js` (`./`) relative to its own module, so main.js and runWorker.js sit side by
// side two folders below the app root, as electron/host/*.ts does in the source tree.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist/electron';

// ES module bundles still meet CommonJS dependencies that call require(); give them one.
const requireShim =
  "import { createRequire as __flujoCreateRequire } from 'node:module';\n" +
  'const require = __flujoCreateRequire(import.meta.url);';

const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  // Electron 45 ships Node 22.
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  // better-sqlite3 is native (two builds, picked at run time); electron is the runtime itself.
  external: ['electron', 'better-sqlite3'],
};

await Promise.all([
  build({
    ...shared,
    entryPoints: { main: 'electron/main/index.ts', runWorker: 'electron/host/runs/runWorker.ts' },
    outdir,
    format: 'esm',
    outExtension: { '.js': '.js' },
    banner: { js: requireShim },
  }),
  // A sandboxed preload can require('electron') only: one self-contained CommonJS file.
  build({
    ...shared,
    entryPoints: { preload: 'electron/preload/index.ts' },
    outdir,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    minify: true,
  }),
]);
console.log(`Built ${outdir}/main.js, runWorker.js and preload.cjs`);
