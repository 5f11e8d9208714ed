import type { HostEvent } from '../../shared';

type RunEvents = Extract<HostEvent, { type: 'run.events' }>;

/** Options of an EventCoalescer. */
export interface EventCoalescerOptions {
  /** Sends one event message to the client. */
  readonly send: (event: HostEvent) => void;
  /** Bytes the client has not yet received (the socket's `bufferedAmount`). */
  readonly backlog: () => number;
  /** Longest wait before buffered run events go out, in ms (default 16: one frame). */
  readonly intervalMs?: number;
  /** Above this backlog, run events keep accumulating instead of being sent (default 1 MiB). */
  readonly highWaterBytes?: number;
}

/**
 * Coalesces the host's event stream for one client: `run.events` batches are buffered per run and
 * sent at most once per ~16 ms as one concatenated batch per run (longer while the client falls
 * behind); any other event first flushes what is buffered, then goes out at once, so the client
 * sees every run's events in order and before that run's end.
 */
export class EventCoalescer {
  private readonly pending = new Map<string, RunEvents['events'][number][]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly intervalMs: number;
  private readonly highWaterBytes: number;

  constructor(private readonly options: EventCoalescerOptions) {
    this.intervalMs = options.intervalMs ?? 16;
    this.highWaterBytes = options.highWaterBytes ?? 1024 * 1024;
  }

  /** Takes one host event. */
  push(event: HostEvent): void {
    if (this.closed) return;
    if (event.type === 'run.events') {
      const buffered = this.pending.get(event.runId);
      if (buffered === undefined) this.pending.set(event.runId, [...event.events]);
      else for (const runEvent of event.events) buffered.push(runEvent);
      this.timer ??= setTimeout(() => {
        this.onTimer();
      }, this.intervalMs);
      return;
    }
    this.flush();
    this.options.send(event);
  }

  /** Sends everything buffered now. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.pending];
    this.pending.clear();
    for (const [runId, events] of batches) this.options.send({ type: 'run.events', runId, events });
  }

  /** Drops what is buffered and stops. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private onTimer(): void {
    this.timer = undefined;
    if (this.options.backlog() > this.highWaterBytes) {
      // The client is behind: keep coalescing rather than queueing more messages.
      this.timer = setTimeout(() => {
        this.onTimer();
      }, this.intervalMs);
      return;
    }
    this.flush();
  }
}
