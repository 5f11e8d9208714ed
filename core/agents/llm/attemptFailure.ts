import {
  CancelledError,
  FlujoError,
  ProviderError,
  TimeoutError,
  describeCause,
} from '../../engine/errors';
import { redactSecrets } from './redactSecrets';

/** What was going on when an attempt failed, to tell cancellation, timeout and network apart. */
export interface AttemptContext {
  readonly agentName: string;
  readonly providerLabel: string;
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly callerSignal: AbortSignal | undefined;
  readonly timedOut: boolean;
  readonly timeoutMs: number | undefined;
}

/** The error the run sees when the caller aborted the agent call. */
export function cancelledError(agentName: string): CancelledError {
  return new CancelledError(`The call of agent "${agentName}" was cancelled.`);
}

/**
 * Any failure of one attempt as a FlujoError: cancellation wins over everything, then the agent's
 * timeout; FlujoErrors pass through; anything else is a (retryable) network failure.
 */
export function attemptFailure(error: unknown, context: AttemptContext): FlujoError {
  if (context.callerSignal?.aborted === true) return cancelledError(context.agentName);
  if (context.timedOut) {
    const seconds = (context.timeoutMs ?? 0) / 1000;
    return new TimeoutError(
      `The agent "${context.agentName}" did not answer within ${seconds} s.`,
      {
        suggestion: "Raise the agent's timeout, or ask for a shorter answer.",
        details: { timeoutMs: context.timeoutMs, retryable: false },
      },
    );
  }
  if (error instanceof FlujoError) return error;
  const reason = redactSecrets(describeCause(error), [context.apiKey]);
  const detail =
    error instanceof Error && error.cause !== undefined
      ? ` (${redactSecrets(describeCause(error.cause), [context.apiKey])})`
      : '';
  return new ProviderError(
    `Could not reach ${context.providerLabel} at ${context.baseUrl} for agent "${context.agentName}": ${reason}${detail}`,
    {
      suggestion: `Check the network and the ${context.providerLabel} base URL; a local server must be running.`,
      details: { retryable: true },
    },
  );
}

/** True when another attempt may succeed: network errors, HTTP 429 and 5xx. */
export function isRetryable(error: FlujoError): boolean {
  return error instanceof ProviderError && error.details?.retryable === true;
}

/** The wait a provider asked for (`Retry-After`), if it did. */
export function requestedWaitMs(error: FlujoError): number | undefined {
  const wait = error.details?.retryAfterMs;
  return typeof wait === 'number' ? wait : undefined;
}
