import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/preloadApi';
import type { MenuActions } from './menu';
import { menuTemplate } from './menu';

vi.mock('electron', () => ({ Menu: {}, dialog: {} }));

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

function fakeActions(picked: string | undefined): MenuActions & { readonly sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  return {
    sent,
    send: (command) => sent.push(command),
    chooseFileToOpen: () => Promise.resolve(picked),
    chooseSaveTarget: () => Promise.resolve(picked),
    fail: (error) => {
      throw error;
    },
  };
}

function click(template: MenuItemConstructorOptions[], label: string): void {
  const item = items(template).find((entry) => entry.label === label);
  if (item?.click === undefined) throw new Error(`no menu item '${label}'`);
  (item.click as () => void)();
}

describe('the application menu', () => {
  it('has the usual accelerators', () => {
    const accelerators = Object.fromEntries(
      items(menuTemplate(fakeActions(undefined), 'linux'))
        .filter((item) => item.accelerator !== undefined)
        .map((item): [string, unknown] => [item.label ?? '', item.accelerator]),
    );
    expect(accelerators).toEqual({
      New: 'CmdOrCtrl+N',
      'Open…': 'CmdOrCtrl+O',
      Save: 'CmdOrCtrl+S',
      'Save As…': 'Shift+CmdOrCtrl+S',
      'Export YAML…': 'CmdOrCtrl+E',
      Undo: 'CmdOrCtrl+Z',
      Redo: 'Shift+CmdOrCtrl+Z',
      Run: 'F5',
      Debug: 'Shift+F5',
    });
  });

  it('sends plain commands to the renderer', () => {
    const actions = fakeActions(undefined);
    const template = menuTemplate(actions, 'linux');
    for (const label of ['New', 'Save', 'Undo', 'Redo', 'Run', 'Debug']) click(template, label);
    expect(actions.sent.map((sent) => sent.command)).toEqual([
      'new',
      'save',
      'undo',
      'redo',
      'run',
      'debug',
    ]);
  });

  it('sends the path chosen in the native dialog, and nothing when cancelled', async () => {
    const picked = fakeActions('/home/me/flow.yaml');
    const template = menuTemplate(picked, 'linux');
    click(template, 'Open…');
    click(template, 'Save As…');
    click(template, 'Export YAML…');
    await vi.waitFor(() => {
      expect(picked.sent).toHaveLength(3);
    });
    expect(picked.sent).toEqual([
      { command: 'open', path: '/home/me/flow.yaml' },
      { command: 'saveAs', path: '/home/me/flow.yaml' },
      { command: 'exportYaml', path: '/home/me/flow.yaml' },
    ]);
    const cancelled = fakeActions(undefined);
    click(menuTemplate(cancelled, 'linux'), 'Open…');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled.sent).toEqual([]);
  });

  it('starts with the app menu on macOS only', () => {
    expect(menuTemplate(fakeActions(undefined), 'darwin')[0]).toEqual({ role: 'appMenu' });
    expect(menuTemplate(fakeActions(undefined), 'win32')[0]?.label).toBe('&File');
  });
});
