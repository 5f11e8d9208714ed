import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RunEvent } from '../../core/engine';
import type { FakeHost } from './__fixtures__/fakeHost';
import { createFakeHost } from './__fixtures__/fakeHost';
import type { WebServer } from './startWebServer';
import { startWebServer } from './startWebServer';

const folder = mkdtempSync(path.join(tmpdir(), 'flujo-web-'));
const rendererDir = path.join(folder, 'renderer');
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("studio");');
writeFileSync(path.join(folder, 'secret.txt'), 'do not serve');

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(
  port: number,
  urlPath: string,
  headers: OutgoingHttpHeaders = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (text: string) => (body += text));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with it once open, or rejects with the refusal's status. */
function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`refused with ${String(res.statusCode)}`));
    });
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => {
      resolve(JSON.parse(data.toString()) as Record<string, unknown>);
    });
  });
}

describe('startWebServer (browser mode)', () => {
  let host: FakeHost;
  let server: WebServer;
  let origin: string;

  beforeEach(async () => {
    host = createFakeHost();
    server = await startWebServer({ host, rendererDir });
    origin = `http://127.0.0.1:${String(server.port)}`;
  });

  afterEach(async () => {
    await server.close();
  });

  it('prints a 127.0.0.1 URL with a long random token', () => {
    expect(server.url).toBe(`${origin}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses HTTP without the token, with a wrong one, or with a foreign Host header', async () => {
    expect((await get(server.port, '/')).status).toBe(403);
    expect((await get(server.port, '/?token=wrong')).status).toBe(403);
    expect((await get(server.port, '/assets/app.js')).status).toBe(403);
    const rebound = await get(server.port, `/?token=${server.token}`, {
      host: `evil.example:${String(server.port)}`,
    });
    expect(rebound.status).toBe(403);
    const otherPort = await get(server.port, `/?token=${server.token}`, { host: '127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
  });

  it('serves the page with its CSP, assets with content types, and sets the session cookie', async () => {
    const page = await get(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Studio</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self' ws://127.0.0.1:${String(server.port)} ws://localhost:${String(server.port)}; img-src 'self' data:`,
    );
    const cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    expect(cookie).toBe(`flujo_studio_${String(server.port)}=${server.token}`);
    const script = await get(server.port, '/assets/app.js', { cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const bearer = await get(server.port, '/assets/app.js', {
      authorization: `Bearer ${server.token}`,
    });
    expect(bearer.body).toBe('console.log("studio");');
    expect((await get(server.port, '/assets/missing.js', { cookie })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const answer = await get(server.port, `${attempt}?token=${server.token}`);
      expect(answer.body, attempt).not.toContain('do not serve');
    }
  });

  it('refuses a socket without the token, with a foreign Origin, or a foreign Host', async () => {
    await expect(connect(`ws://127.0.0.1:${String(server.port)}/api`)).rejects.toThrow(/403/);
    const api = `ws://127.0.0.1:${String(server.port)}/api?token=${server.token}`;
    await expect(connect(api, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect(api, { origin: 'http://127.0.0.1:1' })).rejects.toThrow(/403/);
    await expect(connect(api, { host: 'evil.example' })).rejects.toThrow(/403/);
  });

  it('answers requests over the socket with the host’s envelopes', async () => {
    const ws = await connect(`ws://127.0.0.1:${String(server.port)}/api?token=${server.token}`, {
      origin,
    });
    ws.send(JSON.stringify({ id: 1, channel: 'app.info', payload: {} }));
    expect(await nextMessage(ws)).toEqual({
      id: 1,
      envelope: { ok: true, result: { channel: 'app.info', payload: {} } },
    });
    ws.send(JSON.stringify({ id: 'b', channel: 'fail', payload: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 'b', envelope: { ok: false } });
    ws.close();
  });

  it('answers malformed messages with an error envelope and keeps serving', async () => {
    const ws = await connect(`ws://localhost:${String(server.port)}/api?token=${server.token}`);
    for (const bad of ['not json', '[1]', '{"channel": "app.info"}', '{"id": 7}']) {
      ws.send(bad);
      const answer = await nextMessage(ws);
      expect(answer, bad).toMatchObject({ envelope: { ok: false, error: { code: 'BadMessage' } } });
    }
    ws.send(JSON.stringify({ id: 2, channel: 'app.info' }));
    expect(await nextMessage(ws)).toMatchObject({ id: 2, envelope: { ok: true } });
    ws.close();
  });

  it('coalesces a burst of 10,000 run events into far fewer messages, in order', async () => {
    const ws = await connect(`ws://127.0.0.1:${String(server.port)}/api?token=${server.token}`);
    const messages: { event: { type: string; events?: RunEvent[] } }[] = [];
    const ended = new Promise<void>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as (typeof messages)[number];
        messages.push(message);
        if (message.event.type === 'run.ended') resolve();
      });
    });
    for (let seq = 1; seq <= 10_000; seq += 1) {
      const event = {
        type: 'step.chunk',
        runId: 'r1',
        seq,
        at: seq,
        path: 'steps[0]',
        stepName: 's',
        text: 'x',
      };
      host.emit({ type: 'run.events', runId: 'r1', events: [event as RunEvent] });
      if (seq % 1000 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    host.emit({ type: 'run.ended', runId: 'r1', status: 'succeeded' });
    await ended;
    const batches = messages.filter((message) => message.event.type === 'run.events');
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.length).toBeLessThan(100);
    const seqs = batches.flatMap((message) =>
      (message.event.events ?? []).map((event) => event.seq),
    );
    expect(seqs).toEqual(Array.from({ length: 10_000 }, (_, index) => index + 1));
    expect(messages.at(-1)?.event.type).toBe('run.ended');
    ws.close();
  });

  it('listens on 127.0.0.1 only, and close() releases the port and the host subscription', async () => {
    const ipv6 = new WebSocket(`ws://[::1]:${String(server.port)}/api?token=${server.token}`);
    await expect(
      new Promise((resolve, reject) => {
        ipv6.once('open', resolve);
        ipv6.once('error', reject);
      }),
    ).rejects.toThrow();
    expect(host.listeners()).toBe(1);
    const port = server.port;
    await server.close();
    expect(host.listeners()).toBe(0);
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) =>
      probe.close(() => {
        resolve();
      }),
    );
  });
});

describe('startWebServer without a built renderer', () => {
  it('says how to build it', async () => {
    const server = await startWebServer({
      host: createFakeHost(),
      rendererDir: path.join(folder, 'missing'),
    });
    try {
      const page = await get(server.port, `/?token=${server.token}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('npm run build:renderer');
    } finally {
      await server.close();
    }
  });
});
