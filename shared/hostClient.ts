import type { ChannelName, ChannelRequest, ChannelResponse } from './channels';
import type { Envelope, HostError } from './envelope';
import type { HostEvent } from './hostEvents';

/** How the renderer reaches the host (Electron preload bridge, or browser mode's WebSocket). */
export interface HostTransport {
  readonly invoke: (channel: ChannelName, payload: unknown) => Promise<Envelope<unknown>>;
  readonly subscribe: (listener: (event: HostEvent) => void) => () => void;
}

/** A host error received by the renderer. */
export class HostCallError extends Error {
  readonly code: string;
  readonly suggestion: string | undefined;

  constructor(error: HostError) {
    super(error.message);
    this.name = 'HostCallError';
    this.code = error.code;
    this.suggestion = error.suggestion;
  }
}

/** The renderer's typed client: one call per channel; failures reject with HostCallError. */
export interface HostClient {
  readonly call: <C extends ChannelName>(
    channel: C,
    payload: ChannelRequest<C>,
  ) => Promise<ChannelResponse<C>>;
  readonly subscribe: (listener: (event: HostEvent) => void) => () => void;
}

/** Wraps a transport into the typed client. */
export function createHostClient(transport: HostTransport): HostClient {
  return {
    call: async (channel, payload) => {
      const envelope = await transport.invoke(channel, payload);
      if (!envelope.ok) throw new HostCallError(envelope.error);
      return envelope.result as ChannelResponse<typeof channel>;
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}
