/** Where the host reports problems it recovers from (never secrets, never payloads). */
export interface HostLogger {
  readonly warn: (message: string) => void;
}

/** The default logger: stderr through the console. */
export const consoleLogger: HostLogger = {
  warn: (message) => {
    console.warn(`[flujo-studio host] ${message}`);
  },
};
