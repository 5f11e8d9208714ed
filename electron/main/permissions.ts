import type { Session } from 'electron';

/**
 * Denies every permission (camera, microphone, notifications, geolocation, …): the studio needs
 * none, and a request would mean content we did not write is running.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
