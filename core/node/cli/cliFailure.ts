import { isFlujoErrorLike } from './flujoErrorLike';

/** Exit code of a run that failed, an invalid pipeline, a budget breach or an unusable input. */
export const EXIT_FAILED = 1;
/** Exit code of a command line that cannot be used as given (commander's usage errors too). */
export const EXIT_BAD_USAGE = 2;
/** Exit code after Ctrl-C (128 + SIGINT), as shells and Flujo's CLI use. */
export const EXIT_INTERRUPTED = 130;

/**
 * An expected failure of a CLI command: one line for stderr and the exit code. Commands throw it
 * instead of printing and returning, so cleanup (closing the store) runs in one place.
 */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILED,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

/**
 * One line describing any error: a CliFailure's message, a FlujoError's message and suggestion,
 * else the error's message. Never a stack trace.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof CliFailure) return error.message;
  if (isFlujoErrorLike(error)) {
    const suggestion = error.suggestion === undefined ? '' : ` ${error.suggestion}`;
    return `${error.message}${suggestion}`;
  }
  return error instanceof Error ? error.message : String(error);
}
