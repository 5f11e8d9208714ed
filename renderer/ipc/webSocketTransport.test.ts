import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

import { createHostClient } from '../../shared/hostClient';
import type { SocketLike, WebSocketTransport } from './webSocketTransport';
import {
  createWebSocketTransport,
  hostSocketUrl,
  HostDisconnectedError,
} from './webSocketTransport';

interface Server {
  readonly wss: WebSocketServer;
  readonly url: string;
  readonly received: { id: number; channel: string; payload: unknown; url: string }[];
}

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(answer = true): Promise<Server> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const received: Server['received'] = [];
  wss.on('connection', (socket, request) => {
    socket.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as {
        id: number;
        channel: string;
        payload: unknown;
      };
      received.push({ ...message, url: request.url ?? '' });
      if (answer) {
        socket.send(
          JSON.stringify({
            id: message.id,
            envelope: { ok: true, result: { echo: message.channel, payload: message.payload } },
          }),
        );
      }
    });
  });
  const { port } = wss.address() as AddressInfo;
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => {
          resolve();
        });
      }),
  );
  return { wss, url: `ws://127.0.0.1:${String(port)}/api?token=secret`, received };
}

function connect(url: string, initialBackoffMs = 50): WebSocketTransport {
  const transport = createWebSocketTransport({
    url,
    connect: (target) => new WebSocket(target) as unknown as SocketLike,
    initialBackoffMs,
    maxBackoffMs: 200,
  });
  cleanups.push(() => {
    transport.close();
  });
  return transport;
}

function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('webSocketTransport', () => {
  it('builds the host URL from the page location and its token', () => {
    expect(
      hostSocketUrl({ protocol: 'http:', host: '127.0.0.1:5000', search: '?token=a%2Bb' }),
    ).toBe('ws://127.0.0.1:5000/api?token=a%2Bb');
    expect(hostSocketUrl({ protocol: 'https:', host: 'h:1', search: '' })).toBe('wss://h:1/api');
  });

  it('sends requests and resolves them with the matching answer', async () => {
    const server = await startServer();
    const transport = connect(server.url);
    const [first, second] = await Promise.all([
      transport.invoke('documents.list', {}),
      transport.invoke('app.info', { x: 1 }),
    ]);
    expect(first).toEqual({ ok: true, result: { echo: 'documents.list', payload: {} } });
    expect(second).toEqual({ ok: true, result: { echo: 'app.info', payload: { x: 1 } } });
    expect(server.received[0]?.url).toBe('/api?token=secret');
  });

  it('delivers pushed events to subscribers', async () => {
    const server = await startServer();
    const transport = connect(server.url);
    const events: unknown[] = [];
    transport.subscribe((event) => events.push(event));
    await waitFor(() => transport.status() === 'open');
    for (const client of server.wss.clients) {
      client.send(JSON.stringify({ event: { type: 'hitl.changed' } }));
    }
    await waitFor(() => events.length === 1);
    expect(events).toEqual([{ type: 'hitl.changed' }]);
  });

  it('rejects calls in flight when the connection drops, then reconnects', async () => {
    const server = await startServer(false);
    const transport = connect(server.url);
    const call = transport.invoke('documents.list', {});
    await waitFor(() => server.received.length === 1);
    for (const client of server.wss.clients) client.terminate();
    await expect(call).rejects.toBeInstanceOf(HostDisconnectedError);
    await expect(call).rejects.toThrow(/connection to the studio host was lost/);
    await waitFor(() => transport.status() === 'open');
  });

  it('fails calls clearly when the host cannot be reached', async () => {
    const server = await startServer();
    const url = server.url;
    await cleanups.pop()?.();
    const client = createHostClient(connect(url, 1000));
    const call = client.call('documents.list', {});
    await expect(call).rejects.toBeInstanceOf(HostDisconnectedError);
    await expect(call).rejects.toThrow(/Could not connect to the studio host/);
  });
});
