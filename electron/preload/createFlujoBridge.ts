import type { ChannelName } from '../../shared/channels';
import { CHANNEL_NAMES } from '../../shared/channels';
import type { Envelope } from '../../shared/envelope';
import type { HostEvent } from '../../shared/hostEvents';
import type { ChannelFunctions, FlujoBridge, MenuCommand } from '../../shared/preloadApi';
import { HOST_EVENT_CHANNEL, MENU_COMMAND_CHANNEL } from '../../shared/preloadApi';

/** The part of `ipcRenderer` the bridge uses (so tests can pass a fake). */
export interface RendererIpc {
  readonly invoke: (channel: string, payload: unknown) => Promise<unknown>;
  readonly on: (channel: string, listener: (event: unknown, message: unknown) => void) => unknown;
  readonly removeListener: (
    channel: string,
    listener: (event: unknown, message: unknown) => void,
  ) => unknown;
}

const KNOWN_CHANNELS: ReadonlySet<string> = new Set(CHANNEL_NAMES);

/**
 * Builds `window.flujo` over `ipcRenderer`: calls only known channel names, and hands listeners
 * the message alone — never the IPC event, whose `sender` is `ipcRenderer` itself.
 */
export function createFlujoBridge(ipc: RendererIpc): FlujoBridge {
  const invoke = (channel: ChannelName, payload: unknown): Promise<Envelope<unknown>> => {
    // The renderer is untyped at run time: check the name rather than trust the type.
    const name: unknown = channel;
    if (typeof name !== 'string' || !KNOWN_CHANNELS.has(name)) {
      return Promise.reject(new Error(`Unknown host channel: ${String(name)}`));
    }
    return ipc.invoke(channel, payload) as Promise<Envelope<unknown>>;
  };
  const listen = (ipcChannel: string, listener: (message: never) => void): (() => void) => {
    const relay = (_event: unknown, message: unknown): void => {
      listener(message as never);
    };
    ipc.on(ipcChannel, relay);
    return () => {
      ipc.removeListener(ipcChannel, relay);
    };
  };
  const channels = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [name, (payload: unknown) => invoke(name, payload)]),
  ) as unknown as ChannelFunctions;
  return {
    invoke,
    channels: Object.freeze(channels),
    subscribe: (listener: (event: HostEvent) => void) => listen(HOST_EVENT_CHANNEL, listener),
    onMenu: (listener: (command: MenuCommand) => void) => listen(MENU_COMMAND_CHANNEL, listener),
  };
}
