import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths, initialFileFromArgv } from './desktopPaths';

describe('desktop paths', () => {
  it('keeps data in userData unless FLUJO_STUDIO_DB names the database', () => {
    const paths = desktopPaths('/app', '/home/me/.config/Flujo Studio', {});
    expect(paths).toMatchObject({
      preload: path.join('/app', 'dist', 'electron', 'preload.cjs'),
      renderer: path.join('/app', 'dist', 'renderer'),
      database: path.join('/home/me/.config/Flujo Studio', 'runs.sqlite'),
      secrets: path.join('/home/me/.config/Flujo Studio', 'secrets.json'),
    });
    expect(desktopPaths('/app', '/data', { FLUJO_STUDIO_DB: '/tmp/x.sqlite' }).database).toBe(
      '/tmp/x.sqlite',
    );
  });

  it('takes the pipeline to open from the command line', () => {
    expect(initialFileFromArgv(['electron', 'dist/electron/main.js', '/p/flow.yaml'])).toBe(
      '/p/flow.yaml',
    );
    expect(initialFileFromArgv(['electron', '--inspect', 'main.js'])).toBeUndefined();
  });
});
