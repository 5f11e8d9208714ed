import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** The Content-Security-Policy of every page browser mode serves. */
export function contentSecurityPolicy(port: number): string {
  const p = String(port);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    `connect-src 'self' ws://127.0.0.1:${p} ws://localhost:${p}`,
    "img-src 'self' data:",
  ].join('; ');
}

/** The content type of a file by its extension (binary when unknown). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or `undefined` when it would leave `root` (`..`,
 * encoded separators, NUL bytes). `/` is `index.html`.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    // A malformed escape names no file.
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  return file;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Flujo Studio</title></head>
<body>
<h1>Flujo Studio</h1>
<p>The studio's user interface is not built yet. Run <code>npm run build:renderer</code> in the
repository, then reload this page (the server keeps running).</p>
</body>
</html>
`;

async function readable(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    // Missing or unreadable: treated as absent.
    return false;
  }
}

/** Headers every response of browser mode carries. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(port),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // The token travels in the page URL: never send it on in a Referer.
    'referrer-policy': 'no-referrer',
  };
}

/**
 * Answers a GET/HEAD for the built renderer: the file with its content type, `index.html` for
 * `/` and for extension-less paths (client routes), 404 for a missing asset, and a page saying
 * how to build the renderer when it is not built.
 */
export async function serveStatic(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headers: Readonly<Record<string, string>>,
  headOnly: boolean,
): Promise<void> {
  const index = path.join(root, 'index.html');
  if (!(await readable(index))) {
    const status = urlPath === '/' ? 200 : 404;
    response.writeHead(status, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    response.end(headOnly ? undefined : NOT_BUILT_PAGE);
    return;
  }
  let file = resolveStaticPath(root, urlPath);
  if (file === undefined) {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    response.end(headOnly ? undefined : 'Not found');
    return;
  }
  if (!(await readable(file))) {
    if (path.extname(file) !== '') {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      response.end(headOnly ? undefined : 'Not found');
      return;
    }
    file = index;
  }
  const body = await fs.readFile(file);
  response.writeHead(200, {
    ...headers,
    'content-type': contentTypeOf(file),
    'content-length': String(body.length),
    'cache-control': file === index ? 'no-store' : 'no-cache',
  });
  response.end(headOnly ? undefined : body);
}
