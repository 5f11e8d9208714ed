import type { AgentSpec } from '../../model/pipeline';
import type { PricingTable } from './pricing';

/** Where one provider is reached: its base URL and, for hosted APIs, the key. */
export interface ProviderEndpoint {
  readonly baseUrl: string;
  /** Never written to YAML, events or logs; local OpenAI-compatible servers need none. */
  readonly apiKey?: string;
}

/** Per-provider endpoints the host resolved from the environment or the studio's secret store. */
export interface ProviderSettings {
  readonly openai?: ProviderEndpoint;
  readonly anthropic?: ProviderEndpoint;
}

/** The LLM providers a declared agent's `model` may name. */
export type LlmProvider = 'openai' | 'anthropic';

/** Tokens one agent call used, as the provider reported them (zeros when it reported none). */
export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
}

/** One call of a declared agent (`uses: agents.<name>`). */
export interface AgentCallRequest {
  readonly agentName: string;
  readonly agent: AgentSpec;
  readonly input: unknown;
  /** Already resolved (file loaded, templates rendered) by the caller; else a string `agent.system_prompt` is used as written. */
  readonly systemPrompt?: string;
  readonly signal?: AbortSignal;
  /** Called with each streamed text delta, in order; streaming is used only when this is set. */
  readonly onChunk?: (text: string) => void;
}

/** What a declared agent call produced and what it cost. */
export interface AgentCallResult {
  /** The reply text, or the parsed JSON value when the agent declares `output_schema`. */
  readonly output: unknown;
  readonly usage: TokenUsage;
  readonly costUsd: number;
  /** The provider's model name, without the `provider:` prefix. */
  readonly model: string;
  readonly provider: LlmProvider;
  /** HTTP attempts made, retries included. */
  readonly attempts: number;
}

/** What the agent layer needs from its host: HTTP, a cancellable sleep, endpoints and prices. */
export interface LlmPorts {
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly settings: ProviderSettings;
  /** Defaults to `DEFAULT_PRICING`. */
  readonly pricing?: PricingTable;
  /** A model without a price fails fast with `PricingNotConfigured` (default on, DECISIONS 8). */
  readonly strictPricing?: boolean;
}
