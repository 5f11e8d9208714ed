import type { RunEvent } from '../../../core/engine';

/** Options of `createEventBatcher`. */
export interface EventBatcherOptions {
  /** Longest an event waits, in ms (default 16: about one frame). */
  readonly intervalMs?: number;
  /** Events that trigger an immediate send (default 500). */
  readonly maxBatch?: number;
}

/** Coalesces events into batches: one send per ~16 ms or per 500 events, never one per event. */
export interface EventBatcher {
  readonly push: (event: RunEvent) => void;
  /** Sends whatever is buffered now. */
  readonly flush: () => void;
}

/** Creates a batcher that hands each batch to `send`. */
export function createEventBatcher(
  send: (events: RunEvent[]) => void,
  options: EventBatcherOptions = {},
): EventBatcher {
  const intervalMs = options.intervalMs ?? 16;
  const maxBatch = options.maxBatch ?? 500;
  let buffer: RunEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    send(batch);
  };
  return {
    push: (event) => {
      buffer.push(event);
      if (buffer.length >= maxBatch) flush();
      else timer ??= setTimeout(flush, intervalMs);
    },
    flush,
  };
}
