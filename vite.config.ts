import { defineConfig } from 'vite';

// The renderer (React app) is built from renderer/ into dist/renderer, loaded by Electron's
// BrowserWindow and served by browser mode. Relative base: the files load from file:// too.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true },
});
