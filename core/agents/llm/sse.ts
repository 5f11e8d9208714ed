/** One server-sent event: its `event:` name (when given) and its `data:` lines joined by `\n`. */
export interface SseEvent {
  readonly event?: string;
  readonly data: string;
}

interface PendingEvent {
  event: string | undefined;
  data: string[];
}

function dispatch(pending: PendingEvent): SseEvent | undefined {
  if (pending.data.length === 0) return undefined;
  const data = pending.data.join('\n');
  return pending.event === undefined ? { data } : { event: pending.event, data };
}

function addField(pending: PendingEvent, line: string): void {
  if (line.startsWith(':')) return; // a comment / keep-alive
  const colon = line.indexOf(':');
  const field = colon === -1 ? line : line.slice(0, colon);
  let value = colon === -1 ? '' : line.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  if (field === 'data') pending.data.push(value);
  else if (field === 'event') pending.event = value;
}

/**
 * Reads server-sent events from a response body. Lines may end in `\n`, `\r\n` or `\r` and may be
 * split anywhere across chunks (multi-byte characters included).
 */
export async function* readSseEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<SseEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let pending: PendingEvent = { event: undefined, data: [] };
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        // A lone `\r` at the end may be the first half of `\r\n`: wait for the next chunk.
        if (match === null || (!done && match[0] === '\r' && match.index === buffer.length - 1)) {
          break;
        }
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === '') {
          const event = dispatch(pending);
          pending = { event: undefined, data: [] };
          if (event !== undefined) yield event;
        } else {
          addField(pending, line);
        }
      }
      if (done) break;
    }
    // Be lenient with a stream that ends without the final blank line.
    if (buffer !== '') addField(pending, buffer);
    const last = dispatch(pending);
    if (last !== undefined) yield last;
    finished = true;
  } finally {
    if (finished) reader.releaseLock();
    // Stopped early (consumer returned, or a read failed): release the connection. A failed
    // cancel must not hide the error that got us here, which is already propagating.
    else await reader.cancel().catch(() => undefined);
  }
}
