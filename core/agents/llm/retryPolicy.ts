import type { AgentSpec } from '../../model/pipeline';

/** FLUJO-SPEC §1: a declared agent retries 3 times unless it says otherwise. */
export const DEFAULT_AGENT_MAX_RETRIES = 3;

const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

function numeric(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The agent's `max_retries` as Flujo coerces it: invalid or negative → 3 (V-A7 warns). */
export function agentMaxRetries(agent: AgentSpec): number {
  const value = numeric(agent.max_retries);
  return value === undefined || value < 0 ? DEFAULT_AGENT_MAX_RETRIES : Math.floor(value);
}

/** The agent's per-attempt `timeout` in milliseconds; invalid or ≤0 → none (V-A7 warns). */
export function agentTimeoutMs(agent: AgentSpec): number | undefined {
  const value = numeric(agent.timeout);
  return value === undefined || value <= 0 ? undefined : value * 1000;
}

/** Exponential backoff before retry number `retry` (1-based): 0.5 s, 1 s, 2 s … capped at 8 s. */
export function backoffMs(retry: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, retry - 1));
}
