// The preload of the studio window (sandboxed: bundled into one CommonJS file by
// tools/buildElectron.mjs). It exposes `window.flujo` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createFlujoBridge } from './createFlujoBridge';

contextBridge.exposeInMainWorld('flujo', createFlujoBridge(ipcRenderer));
