import type { RunEvent } from '../../../core/engine';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../../shared/channels';
import type { HostClient } from '../../../shared/hostClient';
import type { HostEvent } from '../../../shared/hostEvents';

/** Handlers by channel; a channel without one answers `{ ok: true }`. */
export type FakeHandlers = {
  readonly [C in ChannelName]?: (
    request: ChannelRequest<C>,
  ) => ChannelResponse<C> | Promise<ChannelResponse<C>>;
};

/** A HostClient whose host is a set of functions; it records calls and can push host events. */
export interface FakeHost {
  readonly client: HostClient;
  readonly calls: { channel: ChannelName; payload: unknown }[];
  readonly emit: (event: HostEvent) => void;
  /** Pushes `events` as `run.events` batches of `size` (the host sends one batch per frame). */
  readonly emitBatches: (events: readonly RunEvent[], size?: number) => void;
  readonly callsTo: (channel: ChannelName) => unknown[];
}

/** Creates a fake host. */
export function createFakeHost(handlers: FakeHandlers = {}): FakeHost {
  const listeners = new Set<(event: HostEvent) => void>();
  const calls: { channel: ChannelName; payload: unknown }[] = [];
  const emit = (event: HostEvent) => {
    for (const listener of listeners) listener(event);
  };
  const client: HostClient = {
    call: async (channel, payload) => {
      calls.push({ channel, payload });
      const handler = handlers[channel] as ((request: unknown) => unknown) | undefined;
      if (handler === undefined) return { ok: true } as ChannelResponse<typeof channel>;
      return (await handler(payload)) as ChannelResponse<typeof channel>;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    client,
    calls,
    emit,
    emitBatches: (events, size = 16) => {
      for (let index = 0; index < events.length; index += size) {
        const batch = events.slice(index, index + size);
        const runId = batch[0]?.runId ?? 'run';
        emit({ type: 'run.events', runId, events: batch });
      }
    },
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((c) => c.payload),
  };
}
