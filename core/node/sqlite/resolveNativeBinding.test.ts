import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_BINDING_PATH, resolveNativeBinding } from './resolveNativeBinding';

describe('resolveNativeBinding', () => {
  it('uses the default build under plain Node', () => {
    expect(
      resolveNativeBinding({ versions: { node: '20.20.2' }, exists: () => true }),
    ).toBeUndefined();
  });

  it('uses native/electron/better_sqlite3.node beside the app under Electron', () => {
    const expected = join('/app', ELECTRON_BINDING_PATH);
    expect(
      resolveNativeBinding({
        versions: { node: '22.0.0', electron: '41.7.1' },
        appRoot: '/app',
        exists: (path) => path === expected,
      }),
    ).toBe(expected);
  });

  it('looks outside the asar archive of a packaged app', () => {
    const expected = join('/opt/Flujo/resources/app.asar.unpacked', ELECTRON_BINDING_PATH);
    expect(
      resolveNativeBinding({
        versions: { electron: '41.7.1' },
        appRoot: '/opt/Flujo/resources/app.asar/',
        resourcesPath: '/opt/Flujo/resources',
        exists: (path) => path === expected,
      }),
    ).toBe(expected);
  });

  it('falls back to the default build when no Electron build is present', () => {
    expect(
      resolveNativeBinding({
        versions: { electron: '41.7.1' },
        appRoot: '/app',
        exists: () => false,
      }),
    ).toBeUndefined();
  });
});
