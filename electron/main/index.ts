// The Electron main process: the composition root of the desktop shell. Everything it wires is
// in its own small module (window, CSP, protocol, IPC, menu, secrets); this file only orders them
// along the app's lifecycle.
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { createHost } from '../host';
import type { Host } from '../host';
import { openSqliteRunStore, resolveNativeBinding } from '../host/openRunStore';
import type { MenuCommand } from '../../shared/preloadApi';
import { MENU_COMMAND_CHANNEL } from '../../shared/preloadApi';
import { installContentSecurityPolicy } from './contentSecurityPolicy';
import { createMainWindow } from './createMainWindow';
import { desktopPaths, initialFileFromArgv } from './desktopPaths';
import type { DesktopPaths } from './desktopPaths';
import { installMenu } from './menu';
import { denyAllPermissions } from './permissions';
import { forwardHostEvents, registerIpc } from './registerIpc';
import { registerAppScheme, serveRenderer } from './rendererProtocol';
import { createSafeStorageSecretStore } from './safeStorageSecrets';

interface Desktop {
  readonly store: ReturnType<typeof openSqliteRunStore>;
  readonly host: Host;
  readonly paths: DesktopPaths;
}

function startHost(): Desktop {
  const paths = desktopPaths(app.getAppPath(), app.getPath('userData'));
  const nativeBinding = resolveNativeBinding({ appRoot: paths.appRoot });
  const store = openSqliteRunStore({
    path: paths.database,
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
  });
  const initialFile = initialFileFromArgv(process.argv);
  const host = createHost({
    store,
    mode: 'electron',
    secrets: createSafeStorageSecretStore({ cipher: safeStorage, file: paths.secrets }),
    appDataDir: paths.userData,
    samplesDir: paths.samples,
    ...(initialFile === undefined ? {} : { initialFile }),
  });
  return { store, host, paths };
}

function openWindow(desktop: Desktop): BrowserWindow {
  const window = createMainWindow(desktop.paths.preload);
  installMenu(window);
  const unsubscribe = forwardHostEvents(desktop.host, window.webContents);
  window.on('closed', unsubscribe);
  return window;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme(protocol);
  await app.whenReady();
  const desktop = startHost();
  denyAllPermissions(session.defaultSession);
  installContentSecurityPolicy(session.defaultSession);
  serveRenderer(protocol, desktop.paths.renderer);
  registerIpc(ipcMain, desktop.host);
  let window = openWindow(desktop);

  // A second launch (e.g. opening a .yaml from the file manager) focuses this window instead.
  app.on('second-instance', (_event, argv) => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
    const file = initialFileFromArgv(argv);
    if (file !== undefined) {
      const command: MenuCommand = { command: 'open', path: file };
      window.webContents.send(MENU_COMMAND_CHANNEL, command);
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = openWindow(desktop);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    desktop.host
      .close()
      .catch((error: unknown) => {
        console.error(
          `Stopping runs failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        desktop.store.close();
        app.quit();
      });
  });
}

main().catch((error: unknown) => {
  console.error(
    `Flujo Studio could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  app.exit(1);
});
