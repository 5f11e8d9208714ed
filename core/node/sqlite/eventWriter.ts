import type { RunEvent } from '../../engine/runEvent';
import type { RunStore } from '../../store';

/** Options of an EventWriter. */
export interface EventWriterOptions {
  /** Longest time an event waits in the buffer, in ms (default 16: about one frame). */
  readonly flushIntervalMs?: number;
  /** Buffered events that trigger an immediate flush (default 500). */
  readonly maxBatch?: number;
  /**
   * Called when a timed flush fails, with the events that were not written. Without it the error
   * is kept and thrown by the next `push`, `flush` or `close`.
   */
  readonly onError?: (error: unknown, events: readonly RunEvent[]) => void;
}

/**
 * Buffers run events and writes them in batches: one `appendEvents` transaction per run every
 * ~16 ms or every 500 events, never one per event (ARCHITECTURE.md "Data flow" 4).
 */
export class EventWriter {
  private buffer: RunEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: { readonly error: unknown } | undefined;
  private closed = false;
  private readonly intervalMs: number;
  private readonly maxBatch: number;

  constructor(
    private readonly store: Pick<RunStore, 'appendEvents'>,
    private readonly options: EventWriterOptions = {},
  ) {
    this.intervalMs = options.flushIntervalMs ?? 16;
    this.maxBatch = options.maxBatch ?? 500;
  }

  /** Events waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Buffers an event; writes the buffer at once when it reaches `maxBatch`. */
  push(event: RunEvent): void {
    this.throwIfFailed();
    if (this.closed)
      throw new Error('The event writer is closed; events can no longer be written.');
    this.buffer.push(event);
    if (this.buffer.length >= this.maxBatch) this.flush();
    else
      this.timer ??= setTimeout(() => {
        this.flushOnTimer();
      }, this.intervalMs);
  }

  /** Buffers several events (same rules as `push`). */
  pushAll(events: Iterable<RunEvent>): void {
    for (const event of events) this.push(event);
  }

  /** Writes everything buffered now, one transaction per run; throws if a write fails. */
  flush(): void {
    this.throwIfFailed();
    this.write();
  }

  /** Writes what is left and stops accepting events. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
  }

  private flushOnTimer(): void {
    this.timer = undefined;
    try {
      this.write();
    } catch (error) {
      // write() hands the events it could not store to onError, or keeps the error for the caller.
      if (this.options.onError === undefined) this.failure = { error };
    }
  }

  private write(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const events = this.buffer;
    this.buffer = [];
    let failed: { readonly error: unknown } | undefined;
    for (const [runId, batch] of groupByRun(events)) {
      try {
        this.store.appendEvents(runId, batch);
      } catch (error) {
        // One run's bad batch must not cost the other runs their events.
        this.options.onError?.(error, batch);
        failed ??= { error };
      }
    }
    if (failed !== undefined) throw failed.error;
  }

  private throwIfFailed(): void {
    const failure = this.failure;
    if (failure === undefined) return;
    this.failure = undefined;
    throw failure.error;
  }
}

function groupByRun(events: readonly RunEvent[]): Map<string, RunEvent[]> {
  const byRun = new Map<string, RunEvent[]>();
  for (const event of events) {
    const batch = byRun.get(event.runId);
    if (batch === undefined) byRun.set(event.runId, [event]);
    else batch.push(event);
  }
  return byRun;
}
