import { FlujoError } from '../../core/engine';
import type { HostError } from '../../shared';
import { HostFailure } from './hostFailure';

/**
 * An error as it crosses the boundary: FlujoErrors and HostFailures keep their code and suggestion;
 * anything else becomes `HostError` with its message. Never a stack.
 */
export function toHostError(error: unknown): HostError {
  if (error instanceof FlujoError || error instanceof HostFailure) {
    return {
      code: error.code,
      message: error.message,
      ...(error.suggestion === undefined ? {} : { suggestion: error.suggestion }),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'HostError',
    message: message === '' ? 'The host failed without a message.' : message,
    suggestion: 'This is probably a bug in Flujo Studio; try again, and report it if it persists.',
  };
}
