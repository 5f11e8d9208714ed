import { describe, expect, it } from 'vitest';
import { defaultDatabasePath } from './defaultDatabasePath';

describe('defaultDatabasePath', () => {
  it('uses XDG_DATA_HOME on Linux, else ~/.local/share', () => {
    expect(
      defaultDatabasePath({
        platform: 'linux',
        homeDir: '/home/ana',
        env: { XDG_DATA_HOME: '/data' },
      }),
    ).toBe('/data/flujo-studio/runs.sqlite');
    expect(defaultDatabasePath({ platform: 'linux', homeDir: '/home/ana', env: {} })).toBe(
      '/home/ana/.local/share/flujo-studio/runs.sqlite',
    );
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDatabasePath({ platform: 'darwin', homeDir: '/Users/ana', env: {} })).toBe(
      '/Users/ana/Library/Application Support/Flujo Studio/runs.sqlite',
    );
    expect(
      defaultDatabasePath({
        platform: 'win32',
        homeDir: 'C:\\Users\\ana',
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Flujo Studio\\runs.sqlite');
  });

  it('lets FLUJO_STUDIO_DB override the default on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        defaultDatabasePath({ platform, homeDir: '/h', env: { FLUJO_STUDIO_DB: '/tmp/x.sqlite' } }),
      ).toBe('/tmp/x.sqlite');
    }
  });
});
