import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startTestHost } from '../host/__fixtures__/testHost';
import { CHANNEL_NAMES } from '../../shared/channels';
import type { Envelope } from '../../shared/envelope';
import type { HostEvent } from '../../shared/hostEvents';
import type { IpcRegistrar } from './registerIpc';
import { forwardHostEvents, isTrustedSender, registerIpc } from './registerIpc';

vi.mock('electron', () => ({}));

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<Envelope<unknown>>;

function fakeIpcMain(): IpcRegistrar & { readonly handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
}

function fromFrame(url: string, parent: unknown = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

const ours = fromFrame('app://flujo/index.html');
const testHost = await startTestHost();
afterAll(() => testHost.dispose());

describe('IPC handlers', () => {
  it('registers one handler per channel of the contract, and removes them', () => {
    const ipcMain = fakeIpcMain();
    const dispose = registerIpc(ipcMain, testHost.host);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('delegates every request to host.dispatch', async () => {
    const dispatch = vi.fn((channel: string) =>
      Promise.resolve({ ok: true as const, result: channel }),
    );
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, { dispatch });
    for (const channel of CHANNEL_NAMES) {
      await expect(ipcMain.handlers.get(channel)?.(ours, { any: 1 })).resolves.toEqual({
        ok: true,
        result: channel,
      });
    }
    expect(dispatch).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    expect(dispatch).toHaveBeenCalledWith('runs.cancel', { any: 1 });
  });

  it('answers a well-formed request and a malformed one with envelopes, never a throw', async () => {
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, testHost.host);
    const info = await ipcMain.handlers.get('app.info')?.(ours, {});
    expect(info).toMatchObject({ ok: true, result: { mode: 'browser' } });
    const bad = await ipcMain.handlers.get('runs.cancel')?.(ours, { runId: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ValidationError' } });
  });

  it('refuses requests from any frame but our top-level page', async () => {
    const dispatch = vi.fn();
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, { dispatch });
    const call = ipcMain.handlers.get('documents.open');
    for (const event of [
      fromFrame('https://example.com/'),
      fromFrame('file:///tmp/evil.html'),
      fromFrame('app://flujo/index.html', { url: 'app://flujo/index.html' }),
      { senderFrame: null } as unknown as IpcMainInvokeEvent,
    ]) {
      await expect(call?.(event, { path: '/etc/passwd' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'ForbiddenSender' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(isTrustedSender(ours)).toBe(true);
  });
});

describe('host events', () => {
  it('are forwarded to the window on flujo:event until it is destroyed', () => {
    let listener: ((event: HostEvent) => void) | undefined;
    const unsubscribe = vi.fn();
    const host = {
      subscribe: (next: (event: HostEvent) => void) => {
        listener = next;
        return unsubscribe;
      },
    };
    let destroyed = false;
    const contents = { send: vi.fn(), isDestroyed: () => destroyed };
    const stop = forwardHostEvents(host, contents);
    listener?.({ type: 'hitl.changed' });
    destroyed = true;
    listener?.({ type: 'hitl.changed' });
    expect(contents.send.mock.calls).toEqual([['flujo:event', { type: 'hitl.changed' }]]);
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
