import type { ChannelName, ChannelRequest, ChannelResponse } from '../../shared/channels';
import type { Envelope } from '../../shared/envelope';
import type { HostTransport } from '../../shared/hostClient';
import type { HostEvent } from '../../shared/hostEvents';

/** In-memory handlers, for tests and stories: any channel without a handler answers an error. */
export type MemoryHandlers = {
  readonly [C in ChannelName]?: (
    request: ChannelRequest<C>,
  ) => ChannelResponse<C> | Promise<ChannelResponse<C>>;
};

/** A transport whose host is a set of functions; `emit` pushes a host event to subscribers. */
export interface MemoryTransport extends HostTransport {
  readonly emit: (event: HostEvent) => void;
  /** Every call made, in order (for assertions). */
  readonly calls: { readonly channel: ChannelName; readonly payload: unknown }[];
}

/** Creates a transport served by `handlers`; a thrown handler error becomes an error envelope. */
export function createMemoryTransport(handlers: MemoryHandlers): MemoryTransport {
  const listeners = new Set<(event: HostEvent) => void>();
  const calls: { channel: ChannelName; payload: unknown }[] = [];
  return {
    calls,
    invoke: async (channel, payload) => {
      calls.push({ channel, payload });
      const handler = handlers[channel] as ((request: unknown) => unknown) | undefined;
      if (!handler) {
        return {
          ok: false,
          error: { code: 'NOT_IMPLEMENTED', message: `No handler for ${channel}.` },
        } satisfies Envelope<unknown>;
      }
      try {
        return { ok: true, result: await handler(payload) };
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'HANDLER_FAILED',
            message: error instanceof Error ? error.message : String(error),
          },
        };
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
}
