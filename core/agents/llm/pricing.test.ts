import { describe, expect, it } from 'vitest';
import { PricingNotConfigured } from '../../engine/errors';
import { DEFAULT_PRICING, costFor, mergePricing, priceFor } from './pricing';

const usage = { promptTokens: 2_000_000, completionTokens: 1_000_000, totalTokens: 3_000_000 };

describe('pricing', () => {
  it('prices input and output tokens per million', () => {
    expect(costFor(usage, 'gpt-4o', DEFAULT_PRICING, true)).toBeCloseTo(2 * 2.5 + 10);
  });

  it('finds dated, -latest and provider-qualified model names under their base name', () => {
    const sonnet = DEFAULT_PRICING['claude-3-5-sonnet'];
    expect(priceFor('claude-3-5-sonnet-20241022', DEFAULT_PRICING)).toBe(sonnet);
    expect(priceFor('anthropic:claude-3-5-sonnet-latest', DEFAULT_PRICING)).toBe(sonnet);
    expect(priceFor('openai:gpt-4o-2024-08-06', DEFAULT_PRICING)).toBe(DEFAULT_PRICING['gpt-4o']);
    expect(priceFor('gpt-4o-mini', DEFAULT_PRICING)).toBe(DEFAULT_PRICING['gpt-4o-mini']);
    expect(priceFor('toString', DEFAULT_PRICING)).toBeUndefined();
  });

  it('lets user prices override defaults, a provider-qualified key winning', () => {
    const table = mergePricing(DEFAULT_PRICING, {
      'gpt-4o': { inputPerMillion: 1, outputPerMillion: 1 },
      'openai:llama3': { inputPerMillion: 0, outputPerMillion: 0 },
      llama3: { inputPerMillion: 9, outputPerMillion: 9 },
    });

    expect(costFor(usage, 'openai:gpt-4o', table, true)).toBe(3);
    expect(costFor(usage, 'openai:llama3', table, true)).toBe(0);
    expect(DEFAULT_PRICING['gpt-4o']?.inputPerMillion).toBe(2.5);
  });

  it('throws PricingNotConfigured for an unpriced model when strict, naming it; 0 otherwise', () => {
    expect(() => costFor(usage, 'openai:mystery', DEFAULT_PRICING, true)).toThrow(
      PricingNotConfigured,
    );
    expect(() => costFor(usage, 'openai:mystery', DEFAULT_PRICING, true)).toThrow(/mystery/);
    expect(costFor(usage, 'openai:mystery', DEFAULT_PRICING, false)).toBe(0);
  });
});
