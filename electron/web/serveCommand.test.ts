import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'flujo-serve-'));

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function call(ws: WebSocket, id: number, channel: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const message = JSON.parse(data.toString()) as { id?: unknown; envelope?: unknown };
      if (message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message.envelope as Record<string, unknown>);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, payload: {} }));
  });
}

describe('flujo-studio serve', { timeout: 120_000 }, () => {
  it('prints one URL line, serves the host API over the socket, and stops cleanly on SIGTERM', async () => {
    const db = path.join(folder, 'data', 'runs.sqlite');
    const child = spawn(
      process.execPath,
      [
        'core/node/cli/flujo-studio.mjs',
        'serve',
        'examples',
        '--no-open',
        '--port',
        '0',
        '--db',
        db,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        stdout += text;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
      });
      child.on('close', () => {
        reject(new Error(`serve exited early: ${stderr}`));
      });
    });
    expect(line).toMatch(/^Flujo Studio: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    const url = new URL(line.slice('Flujo Studio: '.length));
    const ws = new WebSocket(`ws://${url.host}/api${url.search}`, { origin: url.origin });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const info = await call(ws, 1, 'app.info');
    expect(info).toMatchObject({
      ok: true,
      result: { mode: 'browser', workspace: path.join(root, 'examples') },
    });
    const samples = await call(ws, 2, 'documents.samples');
    expect(samples.ok).toBe(true);
    const listed = (samples.result as { samples: { title: string }[] }).samples;
    expect(listed.length).toBeGreaterThan(0);
    ws.close();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toBe(`${line}\n`);
    expect(existsSync(db)).toBe(true);
  });

  it('exits 2 on bad usage and 1 for a missing folder, in one line', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['core/node/cli/flujo-studio.mjs', 'serve', ...args],
          {
            cwd: root,
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
        child.on('close', (code) => {
          resolve({ code, stderr });
        });
      });
    expect((await run(['--port', 'eighty', '--no-open'])).code).toBe(2);
    const missing = await run([
      'no/such/folder',
      '--no-open',
      '--db',
      path.join(folder, 'x.sqlite'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'flujo-studio: cannot open no/such/folder: no such file or folder.\n',
    );
  });
});
