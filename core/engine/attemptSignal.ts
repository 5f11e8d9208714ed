import { TimeoutError } from './errors';

/** An attempt's signal: the run's, plus a timeout when the step sets one. `dispose` clears the timer. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** Rejects with TimeoutError when the timeout fires (never settles otherwise). */
  readonly timedOut: Promise<never>;
  readonly dispose: () => void;
}

const NEVER = new Promise<never>(() => undefined);
const NOTHING = (): void => undefined;

/** Combines `parent` with a timeout of `timeoutS` seconds (none when undefined or ≤ 0). */
export function attemptSignal(
  parent: AbortSignal,
  timeoutS: number | undefined,
  stepName: string,
): AttemptSignal {
  if (timeoutS === undefined || !(timeoutS > 0))
    return { signal: parent, timedOut: NEVER, dispose: NOTHING };
  const controller = new AbortController();
  let reject: (error: TimeoutError) => void = () => undefined;
  const timedOut = new Promise<never>((_resolve, rejectTimeout) => {
    reject = rejectTimeout;
  });
  timedOut.catch(() => undefined);
  const timer = setTimeout(() => {
    const error = new TimeoutError(`Step '${stepName}' timed out after ${String(timeoutS)} s.`, {
      suggestion: 'Raise config.timeout_s, or make the agent answer faster.',
    });
    controller.abort(error);
    reject(error);
  }, timeoutS * 1000);
  const onAbort = (): void => {
    controller.abort(parent.reason);
  };
  // An already-aborted parent never fires 'abort' again: pass its reason on at once.
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut,
    dispose: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
}
