import type { Envelope, HostEvent } from '../../../shared';
import type { HostApi } from '../startWebServer';

/** A HostApi that echoes requests and lets the test push host events. */
export interface FakeHost extends HostApi {
  readonly emit: (event: HostEvent) => void;
  readonly listeners: () => number;
}

/** The fake: `dispatch` answers `{ channel, payload }`, or an error for channel `fail`. */
export function createFakeHost(): FakeHost {
  const listeners = new Set<(event: HostEvent) => void>();
  return {
    dispatch: (channel, payload): Promise<Envelope<unknown>> =>
      Promise.resolve(
        channel === 'fail'
          ? { ok: false, error: { code: 'UnknownChannel', message: 'no such channel' } }
          : { ok: true, result: { channel, payload } },
      ),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    listeners: () => listeners.size,
  };
}
