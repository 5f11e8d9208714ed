import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import {
  isAppUrl,
  registerAppScheme,
  resolveRendererFile,
  serveRenderer,
} from './rendererProtocol';

vi.mock('electron', () => ({}));

const root = await mkdtemp(path.join(tmpdir(), 'flujo-renderer-'));
await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Flujo</title>');
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('trusts only app://flujo', () => {
    expect(isAppUrl('app://flujo/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://flujo/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('maps URLs into the renderer folder and refuses escapes', () => {
    expect(resolveRendererFile(root, 'app://flujo/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://flujo/assets/a.js')).toBe(
      path.join(root, 'assets', 'a.js'),
    );
    expect(resolveRendererFile(root, 'app://flujo/../secret')).toBe(path.join(root, 'secret'));
    // The URL parser folds dot segments first, so these stay inside the renderer folder.
    expect(resolveRendererFile(root, 'app://flujo/%2e%2e/%2e%2e/etc/passwd')).toBe(
      path.join(root, 'etc', 'passwd'),
    );
    expect(resolveRendererFile(root, 'app://flujo/..%2f..%2fetc%2fpasswd')).toBeUndefined();
    expect(resolveRendererFile(root, 'app://flujo/%E0%A4%A')).toBeUndefined();
    expect(resolveRendererFile(root, 'app://other/index.html')).toBeUndefined();
  });

  it('serves files with the CSP and answers 404 for anything else', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    serveRenderer(
      {
        handle: (_scheme: string, listener: (request: Request) => Promise<Response>) => {
          handler = listener;
        },
      },
      root,
    );
    const page = await handler?.(new Request('app://flujo/index.html'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page?.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await page?.text()).toContain('<title>Flujo</title>');
    expect((await handler?.(new Request('app://flujo/missing.js')))?.status).toBe(404);
    expect((await handler?.(new Request('app://flujo/..%2f..%2fetc%2fpasswd')))?.status).toBe(404);
  });
});
