import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../core/engine';
import type { HostEvent } from '../../shared';
import { EventCoalescer } from './eventCoalescer';

function runEvents(runId: string, ...seqs: number[]): HostEvent {
  const events: RunEvent[] = seqs.map((seq) => ({
    type: 'step.chunk',
    runId,
    seq,
    at: 0,
    path: '',
    stepName: 's',
    text: '',
  }));
  return { type: 'run.events', runId, events };
}

function seqsOf(event: HostEvent | undefined): number[] {
  return event?.type === 'run.events' ? event.events.map((runEvent) => runEvent.seq) : [];
}

describe('EventCoalescer', () => {
  let sent: HostEvent[];
  let backlog: number;
  let coalescer: EventCoalescer;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    backlog = 0;
    coalescer = new EventCoalescer({
      send: (event) => sent.push(event),
      backlog: () => backlog,
      highWaterBytes: 100,
    });
  });

  afterEach(() => {
    coalescer.close();
    vi.useRealTimers();
  });

  it('sends one concatenated batch per run per frame', () => {
    coalescer.push(runEvents('a', 1, 2));
    coalescer.push(runEvents('b', 1));
    coalescer.push(runEvents('a', 3));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(sent.map((event) => (event.type === 'run.events' ? event.runId : event.type))).toEqual([
      'a',
      'b',
    ]);
    expect(seqsOf(sent[0])).toEqual([1, 2, 3]);
  });

  it('flushes buffered run events before any other event, which goes out at once', () => {
    coalescer.push(runEvents('a', 1));
    coalescer.push({ type: 'run.ended', runId: 'a', status: 'succeeded' });
    expect(sent.map((event) => event.type)).toEqual(['run.events', 'run.ended']);
  });

  it('keeps coalescing while the client is behind, then sends it all at once', () => {
    backlog = 1000;
    coalescer.push(runEvents('a', 1));
    vi.advanceTimersByTime(16);
    coalescer.push(runEvents('a', 2));
    vi.advanceTimersByTime(48);
    expect(sent).toEqual([]);
    backlog = 0;
    vi.advanceTimersByTime(16);
    expect(sent.length).toBe(1);
    expect(seqsOf(sent[0])).toEqual([1, 2]);
  });
});
