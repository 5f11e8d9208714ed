import { PricingNotConfigured } from '../../engine/errors';
import type { TokenUsage } from './llmTypes';

/** A model's list price in USD per one million tokens. */
export interface ModelPrice {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
}

/**
 * Model → price. Keys are the provider's model name (`gpt-4o`) or the full id (`openai:gpt-4o`),
 * which wins when both exist; a dated or `-latest` model name falls back to its base name.
 */
export type PricingTable = Readonly<Record<string, ModelPrice>>;

/**
 * Public list prices (USD per 1M tokens) of common hosted models, as published by OpenAI and
 * Anthropic. They are defaults: users override or extend them (e.g. price 0 for a local model).
 */
export const DEFAULT_PRICING: PricingTable = {
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'gpt-5': { inputPerMillion: 1.25, outputPerMillion: 10 },
  'gpt-5-mini': { inputPerMillion: 0.25, outputPerMillion: 2 },
  'gpt-5-nano': { inputPerMillion: 0.05, outputPerMillion: 0.4 },
  'gpt-4-turbo': { inputPerMillion: 10, outputPerMillion: 30 },
  'gpt-3.5-turbo': { inputPerMillion: 0.5, outputPerMillion: 1.5 },
  o1: { inputPerMillion: 15, outputPerMillion: 60 },
  o3: { inputPerMillion: 2, outputPerMillion: 8 },
  'o3-mini': { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  'o4-mini': { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  'claude-3-haiku': { inputPerMillion: 0.25, outputPerMillion: 1.25 },
  'claude-3-opus': { inputPerMillion: 15, outputPerMillion: 75 },
  'claude-3-5-haiku': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'claude-3-5-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-3-7-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4-0': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4-5': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-haiku-4-5': { inputPerMillion: 1, outputPerMillion: 5 },
  'claude-opus-4': { inputPerMillion: 15, outputPerMillion: 75 },
  'claude-opus-4-0': { inputPerMillion: 15, outputPerMillion: 75 },
  'claude-opus-4-1': { inputPerMillion: 15, outputPerMillion: 75 },
};

/** The defaults with the user's prices laid over them (an override replaces a default). */
export function mergePricing(defaults: PricingTable, overrides: PricingTable = {}): PricingTable {
  return { ...defaults, ...overrides };
}

// `claude-3-5-sonnet-20241022`, `gpt-4o-2024-08-06`, `claude-3-5-haiku-latest` → base name.
const VERSION_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|latest)$/;

function own(table: PricingTable, key: string): ModelPrice | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The price of `model` (bare name or `provider:model`), or undefined when the table has none. */
export function priceFor(model: string, table: PricingTable): ModelPrice | undefined {
  const colon = model.indexOf(':');
  const bare = colon === -1 ? model : model.slice(colon + 1);
  const candidates = [
    model,
    bare,
    model.replace(VERSION_SUFFIX, ''),
    bare.replace(VERSION_SUFFIX, ''),
  ];
  for (const key of candidates) {
    const price = own(table, key);
    if (price !== undefined) return price;
  }
  return undefined;
}

/** Fails with `PricingNotConfigured` when strict pricing is on and `model` has no price. */
export function assertPriced(model: string, table: PricingTable, strict: boolean): void {
  if (!strict || priceFor(model, table) !== undefined) return;
  throw new PricingNotConfigured(`The model "${model}" has no price, and strict pricing is on.`, {
    suggestion: `Add a price for "${model}" (USD per 1M input and output tokens; 0 for a local model) in Settings → Pricing, or turn strict pricing off.`,
    details: { model },
  });
}

/** USD cost of `usage` on `model`; 0 for an unpriced model unless strict, which throws. */
export function costFor(
  usage: TokenUsage,
  model: string,
  table: PricingTable,
  strict: boolean,
): number {
  assertPriced(model, table, strict);
  const price = priceFor(model, table);
  if (price === undefined) return 0;
  return (
    (usage.promptTokens * price.inputPerMillion + usage.completionTokens * price.outputPerMillion) /
    1_000_000
  );
}
