import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticPath } from './staticFiles';

const root = path.resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and paths inside the folder to their files', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app%20one.js')).toBe(
      path.join(root, 'assets', 'app one.js'),
    );
  });

  it('refuses anything that leaves the folder or is malformed', () => {
    for (const attempt of [
      '/../etc/passwd',
      '/%2e%2e/x',
      '/a/../../x',
      '/..%2f..%2fx',
      '/%00',
      '/%E0%A4%A',
      '/a\\..\\..\\x',
    ]) {
      expect(resolveStaticPath(root, attempt), attempt).toBeUndefined();
    }
  });
});

describe('contentTypeOf', () => {
  it('knows the renderer’s file types and falls back to binary', () => {
    expect(contentTypeOf('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('blob.bin')).toBe('application/octet-stream');
  });
});
