import { describe, expect, it } from 'vitest';
import { readSseEvents } from './sse';
import type { SseEvent } from './sse';

function streamOf(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      }
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSseEvents(stream)) events.push(event);
  return events;
}

describe('readSseEvents', () => {
  it('reads data and event lines, ignoring comments', async () => {
    const events = await collect(
      streamOf([': keep-alive\n\nevent: ping\ndata: {"a":1}\n\ndata: [DONE]\n\n']),
    );

    expect(events).toEqual([{ event: 'ping', data: '{"a":1}' }, { data: '[DONE]' }]);
  });

  it('joins lines split across chunks, CRLF split between chunks included', async () => {
    const events = await collect(streamOf(['da', 'ta: hel', 'lo\r', '\n\r\ndata: x\r\n', '\r\n']));

    expect(events).toEqual([{ data: 'hello' }, { data: 'x' }]);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: café ☕\n\n');
    const events = await collect(
      streamOf([bytes.slice(0, 10), bytes.slice(10, 13), bytes.slice(13)]),
    );

    expect(events).toEqual([{ data: 'café ☕' }]);
  });

  it('joins several data lines with newlines and keeps an unterminated last event', async () => {
    const events = await collect(streamOf(['data: one\ndata: two\n\ndata: tail']));

    expect(events).toEqual([{ data: 'one\ntwo' }, { data: 'tail' }]);
  });

  it('cancels the stream when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: more\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readSseEvents(stream)) {
      expect(event.data).toBe('more');
      break;
    }

    expect(cancelled).toBe(true);
  });
});
