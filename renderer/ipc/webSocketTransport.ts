/**
 * Browser mode's transport: one WebSocket to the studio host (`/api?token=…`). Requests are
 * `{id, channel, payload}`, answers `{id, envelope}`, pushed events `{event}`. The socket
 * reconnects with exponential backoff; calls in flight when it drops are rejected, not lost.
 */
import type { ChannelName } from '../../shared/channels';
import type { Envelope } from '../../shared/envelope';
import type { HostTransport } from '../../shared/hostClient';
import type { HostEvent } from '../../shared/hostEvents';

/** The part of the WebSocket API the transport uses (browser `WebSocket` and `ws` both fit). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Connection state of the transport. */
export type ConnectionStatus = 'connecting' | 'open' | 'closed';

/** Why a call failed without an answer: the host could not be reached or went away. */
export class HostDisconnectedError extends Error {
  /** Stable code of this failure. */
  readonly code = 'HOST_DISCONNECTED';
  constructor(message: string) {
    super(message);
    this.name = 'HostDisconnectedError';
  }
}

/** Options of `createWebSocketTransport`. */
export interface WebSocketTransportOptions {
  readonly url: string;
  /** Socket factory; defaults to the browser's `WebSocket`. */
  readonly connect?: (url: string) => SocketLike;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/** A WebSocket transport with status notifications and an explicit `close`. */
export interface WebSocketTransport extends HostTransport {
  readonly status: () => ConnectionStatus;
  readonly onStatus: (listener: (status: ConnectionStatus) => void) => () => void;
  readonly close: () => void;
}

const OPEN = 1;

/** The host URL of this page: `ws(s)://<host>/api?token=<token from the page's query>`. */
export function hostSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // Without a token in the page URL, the session cookie the server set authenticates the socket.
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}://${location.host}/api${query}`;
}

interface Pending {
  readonly resolve: (envelope: Envelope<unknown>) => void;
  readonly reject: (error: Error) => void;
}

function parseMessage(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    // Not JSON: not one of ours; ignoring it is the protocol's rule for unknown messages.
    return undefined;
  }
}

/** Creates the transport and starts connecting. */
export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const connect = options.connect ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const initialBackoff = options.initialBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 5000;
  const pending = new Map<number, Pending>();
  const queued: string[] = [];
  const eventListeners = new Set<(event: HostEvent) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let socket: SocketLike | undefined;
  let status: ConnectionStatus = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let closedByUser = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const failAll = (message: string) => {
    const error = new HostDisconnectedError(message);
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    queued.length = 0;
  };

  const onMessage = (data: unknown) => {
    const message = parseMessage(data);
    if (typeof message !== 'object' || message === null) return;
    if ('event' in message) {
      const event = (message as { event: HostEvent }).event;
      for (const listener of eventListeners) listener(event);
      return;
    }
    if ('id' in message && 'envelope' in message) {
      const { id, envelope } = message as { id: number; envelope: Envelope<unknown> };
      const call = pending.get(id);
      if (!call) return;
      pending.delete(id);
      call.resolve(envelope);
    }
  };

  const open = () => {
    setStatus('connecting');
    const current = connect(options.url);
    socket = current;
    let opened = false;
    current.onopen = () => {
      opened = true;
      attempt = 0;
      setStatus('open');
      for (const data of queued.splice(0)) current.send(data);
    };
    current.onmessage = (event) => {
      onMessage(event.data);
    };
    current.onerror = () => undefined; // a close always follows; it is handled there
    current.onclose = () => {
      if (socket !== current) return;
      socket = undefined;
      setStatus('closed');
      failAll(
        opened
          ? 'The connection to the studio host was lost before it answered. Check that `flujo-studio serve` is still running; the studio reconnects by itself.'
          : `Could not connect to the studio host at ${options.url.replace(/token=[^&]*/, 'token=…')}. Check that it is running and that the page URL has the token it printed.`,
      );
      if (closedByUser) return;
      const delay = Math.min(maxBackoff, initialBackoff * 2 ** attempt);
      attempt += 1;
      retryTimer = setTimeout(open, delay);
    };
  };

  open();

  return {
    invoke: (channel: ChannelName, payload: unknown) =>
      new Promise<Envelope<unknown>>((resolve, reject) => {
        if (closedByUser) {
          reject(new HostDisconnectedError('The connection to the studio host is closed.'));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const data = JSON.stringify({ id, channel, payload });
        if (socket?.readyState === OPEN) socket.send(data);
        else queued.push(data);
      }),
    subscribe: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    status: () => status,
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close: () => {
      closedByUser = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      const current = socket;
      socket = undefined;
      current?.close();
      setStatus('closed');
      failAll('The connection to the studio host was closed.');
    },
  };
}
