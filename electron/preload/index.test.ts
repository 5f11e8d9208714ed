import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const ipcRenderer = vi.hoisted(() => ({
  invoke: () => Promise.resolve({ ok: true, result: null }),
  on: () => undefined,
  removeListener: () => undefined,
  send: () => undefined,
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
  },
  ipcRenderer,
}));

await import('./index');

describe('the preload', () => {
  it('exposes window.flujo only, without ipcRenderer or any of its methods', () => {
    expect([...exposed.keys()]).toEqual(['flujo']);
    const api = exposed.get('flujo') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['channels', 'invoke', 'onMenu', 'subscribe']);
    const values = [
      ...Object.values(api),
      ...Object.values(api.channels as Record<string, unknown>),
    ];
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.send);
    expect(values).not.toContain(ipcRenderer.invoke);
  });
});
