import type { Envelope, HostEvent } from '../../shared';

/** A request from the browser: `{ id, channel, payload }`. */
export interface SocketRequest {
  readonly id: string | number;
  readonly channel: string;
  readonly payload: unknown;
}

/** What the server sends: an answer to a request, or a pushed host event. */
export type SocketMessage =
  | { readonly id: string | number | null; readonly envelope: Envelope<unknown> }
  | { readonly event: HostEvent };

/** The error envelope of a message the server cannot use. */
export function badMessage(message: string): Envelope<unknown> {
  return {
    ok: false,
    error: {
      code: 'BadMessage',
      message,
      suggestion: 'Send JSON of the shape { "id": 1, "channel": "app.info", "payload": {} }.',
    },
  };
}

/**
 * Reads one client message: the request, or the id (when one could be read) and what is wrong.
 */
export function parseSocketRequest(data: string):
  | { readonly ok: true; readonly request: SocketRequest }
  | {
      readonly ok: false;
      readonly id: string | number | null;
      readonly problem: string;
    } {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    // Not JSON at all: there is no id to answer to.
    return { ok: false, id: null, problem: 'The message is not JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, problem: 'The message is not a JSON object.' };
  }
  const { id, channel, payload } = value as { id?: unknown; channel?: unknown; payload?: unknown };
  const validId = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
  if (!validId) return { ok: false, id: null, problem: 'The message has no string or number id.' };
  if (typeof channel !== 'string') {
    return { ok: false, id, problem: 'The message has no channel name.' };
  }
  return { ok: true, request: { id, channel, payload } };
}
