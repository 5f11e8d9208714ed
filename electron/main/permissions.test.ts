import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from './permissions';

vi.mock('electron', () => ({}));

describe('permissions', () => {
  it('are all denied, both requests and checks', () => {
    let request:
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler: typeof check) => {
        check = handler;
      },
    } as unknown as Session;
    denyAllPermissions(session);
    const callback = vi.fn();
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal']) {
      request?.({}, permission, callback);
    }
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false]]);
    expect(check?.()).toBe(false);
  });
});
