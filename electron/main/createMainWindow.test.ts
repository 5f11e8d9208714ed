import { describe, expect, it, vi } from 'vitest';

type Listener = (event: { preventDefault: () => void }) => void;

const created = vi.hoisted(() => [] as FakeWindow[]);

class FakeWindow {
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly webContents = {
    on: (name: string, listener: Listener) => this.listeners.set(name, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      this.windowOpenHandler = handler;
    },
  };
  constructor(readonly options: Record<string, unknown>) {
    created.push(this);
  }
  once(): void {
    // The window shows itself on 'ready-to-show'; not exercised here.
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow } = await import('./createMainWindow');

function preventedBy(window: FakeWindow, name: string): boolean {
  const event = { preventDefault: vi.fn() };
  window.listeners.get(name)?.(event);
  return event.preventDefault.mock.calls.length === 1;
}

describe('the studio window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security, no webview', () => {
    createMainWindow('/app/dist/electron/preload.cjs');
    expect(created.at(-1)?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('loads the built renderer from app://, never remote content', () => {
    createMainWindow('/preload.cjs');
    expect(created.at(-1)?.loadURL).toHaveBeenCalledWith('app://flujo/index.html');
  });

  it('blocks navigation, redirects, webviews and window.open', () => {
    createMainWindow('/preload.cjs');
    const window = created.at(-1);
    if (window === undefined) throw new Error('no window was created');
    expect(preventedBy(window, 'will-navigate')).toBe(true);
    expect(preventedBy(window, 'will-redirect')).toBe(true);
    expect(preventedBy(window, 'will-attach-webview')).toBe(true);
    expect(window.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });
});
