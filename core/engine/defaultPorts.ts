import type { EnginePorts } from './runOptions';

/** Ports from the platform (works in Node, workers and browsers). */
export function defaultPorts(): EnginePorts {
  return {
    now: () => Date.now(),
    randomId: () => globalThis.crypto.randomUUID(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted === true) {
          reject(signal.reason as Error);
          return;
        }
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(signal?.reason as Error);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}
