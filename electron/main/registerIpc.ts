import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { Host } from '../host';
import { CHANNEL_NAMES } from '../../shared/channels';
import type { Envelope } from '../../shared/envelope';
import { HOST_EVENT_CHANNEL } from '../../shared/preloadApi';
import { isAppUrl } from './rendererProtocol';

/** The part of `ipcMain` the studio uses (so tests can pass a fake). */
export interface IpcRegistrar {
  readonly handle: (
    channel: string,
    listener: (event: IpcMainInvokeEvent, payload: unknown) => Promise<Envelope<unknown>>,
  ) => void;
  readonly removeHandler: (channel: string) => void;
}

/** Whether a request comes from our renderer's top frame (not an iframe, not another origin). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const FOREIGN_SENDER: Envelope<never> = {
  ok: false,
  error: {
    code: 'ForbiddenSender',
    message: 'Only the Flujo Studio window may call the host.',
  },
};

/**
 * One `ipcMain.handle` per channel of the shared contract, each answering with
 * `host.dispatch` (which validates the payload against the channel's zod schema). Returns a
 * function that removes them.
 */
export function registerIpc(
  ipcMain: IpcRegistrar,
  host: Pick<Host, 'dispatch'>,
  trusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload) =>
      trusted(event) ? host.dispatch(channel, payload) : Promise.resolve(FOREIGN_SENDER),
    );
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}

/** Forwards every host event to the window until it closes; returns unsubscribe. */
export function forwardHostEvents(
  host: Pick<Host, 'subscribe'>,
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
): () => void {
  return host.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(HOST_EVENT_CHANNEL, event);
  });
}
