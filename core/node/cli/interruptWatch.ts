import { EXIT_INTERRUPTED } from './cliFailure';

/** Ctrl-C handling of a command that runs a pipeline. */
export interface InterruptWatch {
  /** Aborted on the first SIGINT (the engine then cancels the run). */
  readonly signal: AbortSignal;
  /** Whether SIGINT arrived. */
  readonly interrupted: () => boolean;
  /** Cancels like a SIGINT would (the interactive prompt's Ctrl-C). */
  readonly interrupt: () => void;
  /** Stops listening. */
  readonly dispose: () => void;
}

/**
 * Listens for SIGINT while a run executes: the first one aborts the run's signal so the engine
 * ends it as `cancelled` and the command records it and flushes the store before exiting 130; a
 * second one exits at once (the store's WAL keeps what was committed).
 */
export function watchInterrupt(): InterruptWatch {
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort(new Error('Interrupted (Ctrl-C).'));
  };
  process.on('SIGINT', onSigint);
  return {
    signal: controller.signal,
    interrupted: () => controller.signal.aborted,
    interrupt: onSigint,
    dispose: () => {
      process.off('SIGINT', onSigint);
    },
  };
}
