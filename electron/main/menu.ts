import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { Menu, dialog } from 'electron';
import type { MenuCommand } from '../../shared/preloadApi';
import { MENU_COMMAND_CHANNEL } from '../../shared/preloadApi';

/** What the menu does: send a command to the renderer, or ask the user for a file first. */
export interface MenuActions {
  readonly send: (command: MenuCommand) => void;
  /** The file the user picked to open, or `undefined` when they cancelled. */
  readonly chooseFileToOpen: () => Promise<string | undefined>;
  /** Where the user wants to save (`saveAs`) or export (`exportYaml`), or `undefined`. */
  readonly chooseSaveTarget: (purpose: 'saveAs' | 'exportYaml') => Promise<string | undefined>;
  /** Reports a failed dialog (the menu item itself cannot show an error). */
  readonly fail: (error: unknown) => void;
}

function afterChoosing(
  choose: () => Promise<string | undefined>,
  command: (path: string) => MenuCommand,
  actions: MenuActions,
): () => void {
  return () => {
    choose()
      .then((path) => {
        if (path !== undefined) actions.send(command(path));
      })
      .catch(actions.fail);
  };
}

/** The application menu with the usual accelerators; every item becomes a renderer command. */
export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const send = (command: MenuCommand) => () => {
    actions.send(command);
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New', accelerator: 'CmdOrCtrl+N', click: send({ command: 'new' }) },
      {
        label: 'Open…',
        accelerator: 'CmdOrCtrl+O',
        click: afterChoosing(
          actions.chooseFileToOpen,
          (path) => ({ command: 'open', path }),
          actions,
        ),
      },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: send({ command: 'save' }) },
      {
        label: 'Save As…',
        accelerator: 'Shift+CmdOrCtrl+S',
        click: afterChoosing(
          () => actions.chooseSaveTarget('saveAs'),
          (path) => ({ command: 'saveAs', path }),
          actions,
        ),
      },
      {
        label: 'Export YAML…',
        accelerator: 'CmdOrCtrl+E',
        click: afterChoosing(
          () => actions.chooseSaveTarget('exportYaml'),
          (path) => ({ command: 'exportYaml', path }),
          actions,
        ),
      },
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send({ command: 'undo' }) },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: send({ command: 'redo' }) },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const run: MenuItemConstructorOptions = {
    label: '&Run',
    submenu: [
      { label: 'Run', accelerator: 'F5', click: send({ command: 'run' }) },
      { label: 'Debug', accelerator: 'Shift+F5', click: send({ command: 'debug' }) },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
    ],
  };
  const app: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  return [...app, file, edit, run, view, { role: 'windowMenu' }];
}

const PIPELINE_FILTERS = [{ name: 'Flujo pipeline', extensions: ['yaml', 'yml'] }];

/** Installs the menu for `window`: commands go to its renderer, dialogs are native. */
export function installMenu(window: BrowserWindow): void {
  const actions: MenuActions = {
    send: (command) => {
      if (!window.isDestroyed()) window.webContents.send(MENU_COMMAND_CHANNEL, command);
    },
    chooseFileToOpen: async () => {
      const result = await dialog.showOpenDialog(window, {
        title: 'Open pipeline',
        properties: ['openFile'],
        filters: PIPELINE_FILTERS,
      });
      return result.canceled ? undefined : result.filePaths[0];
    },
    chooseSaveTarget: async (purpose) => {
      const result = await dialog.showSaveDialog(window, {
        title: purpose === 'saveAs' ? 'Save pipeline as' : 'Export Flujo YAML',
        filters: PIPELINE_FILTERS,
      });
      return result.canceled ? undefined : result.filePath;
    },
    fail: (error) => {
      console.error(
        `A file dialog failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    },
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
}
