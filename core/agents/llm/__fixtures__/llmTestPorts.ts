import type { FlujoError } from '../../../engine/errors';
import type { AgentSpec } from '../../../model/pipeline';
import type { LlmPorts, ProviderSettings } from '../llmTypes';
import type { PricingTable } from '../pricing';

/** Ports for tests: the real fetch (to the fake server), a sleep that records and never waits. */
export interface TestPorts extends LlmPorts {
  readonly sleeps: number[];
}

/** Options of `testPorts`. */
export interface TestPortsOptions {
  readonly settings: ProviderSettings;
  readonly pricing?: PricingTable;
  readonly strictPricing?: boolean;
  readonly fetch?: typeof fetch;
  /** Runs inside each sleep (e.g. to abort the call while it waits to retry). */
  readonly onSleep?: () => void;
}

/** LlmPorts whose sleeps are recorded in `sleeps` and resolve at once (rejecting when aborted). */
export function testPorts(options: TestPortsOptions): TestPorts {
  const sleeps: number[] = [];
  return {
    fetch: options.fetch ?? fetch,
    settings: options.settings,
    ...(options.pricing === undefined ? {} : { pricing: options.pricing }),
    ...(options.strictPricing === undefined ? {} : { strictPricing: options.strictPricing }),
    sleeps,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      options.onSleep?.();
      if (signal?.aborted === true) return Promise.reject(new Error('sleep aborted'));
      return Promise.resolve();
    },
  };
}

/** A declared agent as the YAML reader would produce it. */
export function agentSpec(fields: Omit<AgentSpec, 'extra'>): AgentSpec {
  return { ...fields, extra: {} };
}

/** The error a call that must fail rejects with (the test fails if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<FlujoError> {
  try {
    await promise;
  } catch (error) {
    return error as FlujoError;
  }
  throw new Error('expected the call to fail');
}
