import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/channels';
import type { ChannelName } from '../../shared/channels';
import type { RendererIpc } from './createFlujoBridge';
import { createFlujoBridge } from './createFlujoBridge';

type Relay = (event: unknown, message: unknown) => void;

function fakeIpc(): RendererIpc & { readonly listeners: Map<string, Set<Relay>> } {
  const listeners = new Map<string, Set<Relay>>();
  return {
    listeners,
    invoke: vi.fn((channel: string, payload: unknown) =>
      Promise.resolve({ ok: true, result: { channel, payload } }),
    ),
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set<Relay>();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
}

describe('window.flujo', () => {
  it('has one function per channel, each invoking that channel', async () => {
    const ipc = fakeIpc();
    const bridge = createFlujoBridge(ipc);
    expect(Object.keys(bridge.channels).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) {
      const call = bridge.channels[name] as (payload: unknown) => Promise<unknown>;
      await expect(call({ n: 1 })).resolves.toEqual({
        ok: true,
        result: { channel: name, payload: { n: 1 } },
      });
    }
    expect(Object.isFrozen(bridge.channels)).toBe(true);
  });

  it('rejects unknown channel names without reaching the main process', async () => {
    const ipc = fakeIpc();
    const bridge = createFlujoBridge(ipc);
    for (const name of ['ELECTRON_BROWSER_REQUIRE', 'flujo:event', '__proto__', 42]) {
      await expect(bridge.invoke(name as ChannelName, {})).rejects.toThrow(/Unknown host channel/);
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
    await expect(bridge.invoke('app.info', {})).resolves.toMatchObject({ ok: true });
  });

  it('hands listeners the message only, never the IPC event, and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = createFlujoBridge(ipc);
    const events = vi.fn();
    const menus = vi.fn();
    const stopEvents = bridge.subscribe(events);
    bridge.onMenu(menus);
    const ipcEvent = { sender: 'ipcRenderer itself' };
    for (const relay of ipc.listeners.get('flujo:event') ?? []) {
      relay(ipcEvent, { type: 'hitl.changed' });
    }
    for (const relay of ipc.listeners.get('flujo:menu') ?? []) relay(ipcEvent, { command: 'run' });
    expect(events.mock.calls).toEqual([[{ type: 'hitl.changed' }]]);
    expect(menus.mock.calls).toEqual([[{ command: 'run' }]]);
    stopEvents();
    expect(ipc.listeners.get('flujo:event')?.size).toBe(0);
  });
});
