import type { WebContents } from 'electron';
import { BrowserWindow } from 'electron';
import { APP_URL } from './rendererProtocol';

/**
 * Keeps a window on its page: every navigation, new window and `<webview>` is refused (the
 * renderer is a single page; links to the web are not followed inside the app).
 */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Opens the studio window on the built renderer; it shows itself once painted. The renderer gets
 * no Node and no Electron, only the preload bridge. (The options stay a literal here so
 * electronegativity can check them.)
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Flujo Studio',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click opens links in new windows; nothing in the studio needs it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockNavigation(window.webContents);
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(APP_URL).catch((error: unknown) => {
    console.error(
      `Flujo Studio could not load its window: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return window;
}
