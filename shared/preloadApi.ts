import type { ChannelName, ChannelRequest } from './channels';
import type { Envelope } from './envelope';
import type { HostEvent } from './hostEvents';

/** The IPC channel on which the Electron main process pushes host events to the window. */
export const HOST_EVENT_CHANNEL = 'flujo:event';

/** The IPC channel on which native menu items send commands to the window. */
export const MENU_COMMAND_CHANNEL = 'flujo:menu';

/**
 * A native menu command for the renderer. `open` carries the file the user picked in the native
 * dialog; `saveAs` and `exportYaml` carry the target the user chose.
 */
export type MenuCommand =
  | { readonly command: 'new' }
  | { readonly command: 'open'; readonly path: string }
  | { readonly command: 'save' }
  | { readonly command: 'saveAs'; readonly path: string }
  | { readonly command: 'exportYaml'; readonly path: string }
  | { readonly command: 'undo' }
  | { readonly command: 'redo' }
  | { readonly command: 'run' }
  | { readonly command: 'debug' };

/** One function per channel: sends the payload to the host and resolves with its envelope. */
export type ChannelFunctions = {
  readonly [C in ChannelName]: (payload: ChannelRequest<C>) => Promise<Envelope<unknown>>;
};

/**
 * What the Electron preload exposes as `window.flujo` (nothing else crosses the bridge; never
 * `ipcRenderer`). The host validates every payload again, so these are typed conveniences, not
 * the security boundary.
 */
export interface FlujoBridge {
  /** Calls a channel by name; an unknown name is rejected without reaching the main process. */
  readonly invoke: (channel: ChannelName, payload: unknown) => Promise<Envelope<unknown>>;
  /** One function per channel of the shared contract. */
  readonly channels: ChannelFunctions;
  /** Receives host events (batched run events, run ends, HITL changes); returns unsubscribe. */
  readonly subscribe: (listener: (event: HostEvent) => void) => () => void;
  /** Receives native menu commands; returns unsubscribe. */
  readonly onMenu: (listener: (command: MenuCommand) => void) => () => void;
}

/** `window` in the Electron renderer (browser mode has no `flujo`). */
export interface FlujoWindow {
  readonly flujo?: FlujoBridge;
}
