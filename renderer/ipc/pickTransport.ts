import type { HostTransport } from '../../shared/hostClient';
import { createPreloadTransport, findPreloadBridge } from './preloadTransport';
import { createWebSocketTransport, hostSocketUrl } from './webSocketTransport';

/** The transport of this window: Electron's preload bridge if present, else browser mode's socket. */
export function pickTransport(scope: Window = window): HostTransport {
  const bridge = findPreloadBridge(scope);
  if (bridge) return createPreloadTransport(bridge);
  return createWebSocketTransport({ url: hostSocketUrl(scope.location) });
}
