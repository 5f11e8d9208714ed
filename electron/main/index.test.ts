import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMemoryRunStore } from '../../core/store';
import { CHANNEL_NAMES } from '../../shared/channels';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const state = {
    calls: [] as string[],
    appListeners: new Map<string, Listener>(),
    ipcChannels: new Set<string>(),
    windows: 0,
    gotLock: true,
    userData: '',
  };
  class BrowserWindow {
    readonly webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      send: () => undefined,
      isDestroyed: () => false,
    };
    constructor() {
      state.windows += 1;
      state.calls.push('window');
    }
    static getAllWindows = () => [];
    once = () => undefined;
    on = () => undefined;
    loadURL = () => Promise.resolve();
    isDestroyed = () => false;
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => {
        state.calls.push('lock');
        return state.gotLock;
      },
      quit: () => state.calls.push('quit'),
      exit: () => state.calls.push('exit'),
      whenReady: () => {
        state.calls.push('ready');
        return Promise.resolve();
      },
      getAppPath: () => '/app',
      getPath: () => state.userData,
      on: (name: string, listener: Listener) => state.appListeners.set(name, listener),
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: () => state.calls.push('scheme'),
      handle: () => state.calls.push('protocol'),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => state.calls.push('csp') },
        setPermissionRequestHandler: () => state.calls.push('permissions'),
        setPermissionCheckHandler: () => undefined,
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    ipcMain: {
      handle: (channel: string) => state.ipcChannels.add(channel),
      removeHandler: () => undefined,
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: () => state.calls.push('menu'),
    },
    dialog: {},
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);
vi.mock('../host/openRunStore', () => ({
  openSqliteRunStore: () => createMemoryRunStore(),
  resolveNativeBinding: () => undefined,
}));

const userData = await mkdtemp(path.join(tmpdir(), 'flujo-userdata-'));
afterAll(() => rm(userData, { recursive: true, force: true }));

async function start(gotLock: boolean): Promise<typeof fake.state> {
  Object.assign(fake.state, { calls: [], windows: 0, gotLock, userData });
  fake.state.appListeners.clear();
  fake.state.ipcChannels.clear();
  vi.resetModules();
  await import('./index');
  await vi.waitFor(() => {
    expect(fake.state.calls).toContain(gotLock ? 'menu' : 'quit');
  });
  return fake.state;
}

describe('the desktop main process', () => {
  it('registers the scheme before ready, then secures the session before opening the window', async () => {
    const state = await start(true);
    expect(state.calls.slice(0, 3)).toEqual(['lock', 'scheme', 'ready']);
    const order = ['permissions', 'csp', 'protocol', 'window', 'menu'].map((call) =>
      state.calls.indexOf(call),
    );
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? -1)))).toBe(true);
    expect([...state.ipcChannels].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(state.windows).toBe(1);
  });

  it('quits when all windows close, except on macOS', async () => {
    const state = await start(true);
    const allClosed = state.appListeners.get('window-all-closed');
    const platform = process.platform;
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      allClosed?.();
      expect(state.calls.filter((call) => call === 'quit')).toHaveLength(0);
      Object.defineProperty(process, 'platform', { value: 'linux' });
      allClosed?.();
      expect(state.calls.filter((call) => call === 'quit')).toHaveLength(1);
    } finally {
      Object.defineProperty(process, 'platform', { value: platform });
    }
  });

  it('leaves at once when another instance holds the lock', async () => {
    const state = await start(false);
    expect(state.calls).toEqual(['lock', 'quit']);
    expect(state.windows).toBe(0);
  });
});
