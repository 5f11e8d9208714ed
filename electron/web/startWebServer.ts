import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { Host } from '../host';
import { EventCoalescer } from './eventCoalescer';
import { checkSession, newSessionToken, sessionCookieName } from './sessionGuard';
import type { SocketMessage } from './socketProtocol';
import { badMessage, parseSocketRequest } from './socketProtocol';
import { securityHeaders, serveStatic } from './staticFiles';

/** What browser mode needs of the host: dispatch requests and receive its events. */
export type HostApi = Pick<Host, 'dispatch' | 'subscribe'>;

/** Options of `startWebServer`. */
export interface WebServerOptions {
  readonly host: HostApi;
  /** Port to listen on; 0 or absent picks a free one. */
  readonly port?: number;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  /** The session token (a random one when absent). */
  readonly token?: string;
}

/** A running browser-mode server. */
export interface WebServer {
  /** `http://127.0.0.1:<port>/?token=<token>`: the URL to open. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Closes every socket and the listener (does not close the host). */
  readonly close: () => Promise<void>;
}

/** Path of the WebSocket endpoint. */
export const API_PATH = '/api';
/** Largest client message accepted (documents travel in messages). */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}

function refuseUpgrade(socket: Duplex, status: 403 | 404): void {
  const text = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${String(status)} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

/**
 * Starts browser mode (ARCHITECTURE.md "Shells"): HTTP serving the built renderer and a WebSocket
 * (`/api`) serving the host API, bound to 127.0.0.1 only. Every request and socket needs the
 * session token and a Host (and Origin, when sent) naming this server, else 403.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newSessionToken();
  const sockets = new Set<WebSocket>();
  let port = 0;

  const handleHttp = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const headers = securityHeaders(port);
    const session = checkSession(request, url, token, port);
    if (!session.ok) {
      response.writeHead(403, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Forbidden: ${session.reason}. Open the URL flujo-studio serve printed.\n`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET, HEAD' });
      response.end();
      return;
    }
    // The page's own asset and socket requests carry no token: the cookie stands in for it.
    const cookie = `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    await serveStatic(
      options.rendererDir,
      url.pathname,
      response,
      session.via === 'cookie' ? headers : { ...headers, 'set-cookie': cookie },
      request.method === 'HEAD',
    );
  };

  const server = createServer((request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!checkSession(request, url, token, port).ok) {
      refuseUpgrade(socket, 403);
      return;
    }
    if (url.pathname !== API_PATH) {
      refuseUpgrade(socket, 404);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      serveSocket(ws);
    });
  });

  const send = (ws: WebSocket, message: SocketMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const coalescers = new Map<WebSocket, EventCoalescer>();
  const unsubscribe = options.host.subscribe((event) => {
    for (const coalescer of coalescers.values()) coalescer.push(event);
  });

  function serveSocket(ws: WebSocket): void {
    sockets.add(ws);
    const coalescer = new EventCoalescer({
      send: (event) => {
        send(ws, { event });
      },
      backlog: () => ws.bufferedAmount,
    });
    coalescers.set(ws, coalescer);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void answer(ws, data, isBinary);
    });
    ws.on('close', () => {
      coalescer.close();
      coalescers.delete(ws);
      sockets.delete(ws);
    });
    ws.on('error', () => {
      ws.terminate();
    });
  }

  async function answer(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      send(ws, { id: null, envelope: badMessage('Binary messages are not understood.') });
      return;
    }
    const text = textOf(data);
    const parsed = parseSocketRequest(text);
    if (!parsed.ok) {
      send(ws, { id: parsed.id, envelope: badMessage(parsed.problem) });
      return;
    }
    const { id, channel, payload } = parsed.request;
    try {
      send(ws, { id, envelope: await options.host.dispatch(channel, payload) });
    } catch (error) {
      // dispatch answers errors as envelopes; a throw is a host bug, still answered, never fatal.
      const message = error instanceof Error ? error.message : String(error);
      send(ws, { id, envelope: { ok: false, error: { code: 'InternalError', message } } });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const shutdown = async (): Promise<void> => {
    unsubscribe();
    for (const coalescer of coalescers.values()) coalescer.close();
    coalescers.clear();
    for (const ws of sockets) ws.terminate();
    sockets.clear();
    await new Promise<void>((resolve) => {
      wss.close(() => {
        resolve();
      });
    });
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  };

  const close = (): Promise<void> => (closing ??= shutdown());
  return { url: `http://127.0.0.1:${String(port)}/?token=${token}`, port, token, close };
}
