import type { ChannelName } from '../../shared/channels';
import type { Envelope } from '../../shared/envelope';
import type { HostTransport } from '../../shared/hostClient';
import type { HostEvent } from '../../shared/hostEvents';

/** What Electron's preload exposes as `window.flujo` (contextBridge). */
export interface PreloadBridge {
  readonly invoke: (channel: ChannelName, payload: unknown) => Promise<Envelope<unknown>>;
  readonly subscribe: (listener: (event: HostEvent) => void) => () => void;
}

/** The preload bridge of this window, when the renderer runs inside Electron. */
export function findPreloadBridge(scope: object = globalThis): PreloadBridge | undefined {
  const bridge = (scope as { flujo?: Partial<PreloadBridge> }).flujo;
  return bridge && typeof bridge.invoke === 'function' && typeof bridge.subscribe === 'function'
    ? (bridge as PreloadBridge)
    : undefined;
}

/** A transport over the Electron preload bridge. */
export function createPreloadTransport(bridge: PreloadBridge): HostTransport {
  return {
    invoke: (channel, payload) => bridge.invoke(channel, payload),
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
