import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// monaco-editor >= 0.56 has an "exports" map that hides 'monaco-editor/esm/vs/...'; monaco-yaml's
// worker (via monaco-worker-manager) still imports that deep path (../shared/TOOLCHAIN.md).
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

// The renderer (React app) is built from renderer/ into dist/renderer, loaded by Electron's
// BrowserWindow and served by browser mode. Relative base: the files load from file:// too.
// Monaco and its workers are bundled (no CDN).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }],
  },
  // Dev server only: without it Vite finds the yaml worker's deps late and reloads the page once.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
});
