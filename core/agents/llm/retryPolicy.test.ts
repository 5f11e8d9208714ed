import { describe, expect, it } from 'vitest';
import { agentSpec } from './__fixtures__/llmTestPorts';
import { retryAfterMs } from './providerHttp';
import { agentMaxRetries, agentTimeoutMs, backoffMs } from './retryPolicy';

describe('retry policy', () => {
  it('coerces max_retries like Flujo: numeric strings accepted, invalid or negative → 3', () => {
    expect(agentMaxRetries(agentSpec({}))).toBe(3);
    expect(agentMaxRetries(agentSpec({ max_retries: '5' }))).toBe(5);
    expect(agentMaxRetries(agentSpec({ max_retries: 0 }))).toBe(0);
    expect(agentMaxRetries(agentSpec({ max_retries: -1 }))).toBe(3);
    expect(agentMaxRetries(agentSpec({ max_retries: 'many' }))).toBe(3);
  });

  it('reads timeout in seconds and ignores invalid or non-positive values', () => {
    expect(agentTimeoutMs(agentSpec({ timeout: 30 }))).toBe(30_000);
    expect(agentTimeoutMs(agentSpec({ timeout: '2' }))).toBe(2_000);
    expect(agentTimeoutMs(agentSpec({ timeout: 0 }))).toBeUndefined();
    expect(agentTimeoutMs(agentSpec({ timeout: 'soon' }))).toBeUndefined();
    expect(agentTimeoutMs(agentSpec({}))).toBeUndefined();
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 5, 10].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs('2.5')).toBe(2500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('later')).toBeUndefined();
  });
});
