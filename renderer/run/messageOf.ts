import { HostCallError } from '../../shared/hostClient';

/** A failure as the user reads it: the host's message plus its suggestion when it has one. */
export function messageOf(error: unknown): string {
  if (error instanceof HostCallError && error.suggestion !== undefined) {
    return `${error.message} ${error.suggestion}`;
  }
  return error instanceof Error ? error.message : String(error);
}
