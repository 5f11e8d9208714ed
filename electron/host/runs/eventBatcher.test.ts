import { describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../../core/engine';
import { createEventBatcher } from './eventBatcher';

const event = (seq: number): RunEvent => ({
  type: 'step.attempt',
  runId: 'r',
  seq,
  at: seq,
  path: 'steps[0]',
  stepName: 's',
  attempt: 1,
});

describe('createEventBatcher', () => {
  it('sends one batch per interval, not one message per event', () => {
    vi.useFakeTimers();
    try {
      const sent: RunEvent[][] = [];
      const batcher = createEventBatcher((events) => sent.push(events), { intervalMs: 16 });
      for (let seq = 1; seq <= 10; seq += 1) batcher.push(event(seq));
      expect(sent).toEqual([]);
      vi.advanceTimersByTime(16);
      expect(sent.map((batch) => batch.length)).toEqual([10]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends at once when a batch is full, and on flush', () => {
    const sent: RunEvent[][] = [];
    const batcher = createEventBatcher((events) => sent.push(events), { maxBatch: 500 });
    for (let seq = 1; seq <= 1_203; seq += 1) batcher.push(event(seq));
    batcher.flush();
    expect(sent.map((batch) => batch.length)).toEqual([500, 500, 203]);
    expect(sent.flat().map((e) => e.seq)).toEqual(Array.from({ length: 1_203 }, (_, i) => i + 1));
  });
});
