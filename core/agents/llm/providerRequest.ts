import type { AgentSpec } from '../../model/pipeline';
import type { LlmProvider, ProviderEndpoint, TokenUsage } from './llmTypes';

/** One HTTP attempt of an agent call, as a provider adapter receives it. */
export interface ProviderRequest {
  readonly agentName: string;
  readonly agent: AgentSpec;
  readonly provider: LlmProvider;
  /** The provider's model name (no `provider:` prefix). */
  readonly model: string;
  /** The base URL is resolved (defaults applied); the key is present when one is configured. */
  readonly endpoint: ProviderEndpoint;
  readonly systemPrompt: string | undefined;
  readonly input: unknown;
  /** Aborts on cancellation and on the agent's timeout. */
  readonly signal: AbortSignal;
  readonly onChunk?: (text: string) => void;
  readonly fetch: typeof fetch;
}

/** A provider's answer: the full reply text and the tokens used. */
export interface ProviderReply {
  readonly text: string;
  readonly usage: TokenUsage;
}

/** A provider adapter: one HTTP attempt, no retries (those live in `callDeclaredAgent`). */
export type ProviderAdapter = (request: ProviderRequest) => Promise<ProviderReply>;

/** The user message of a call: a string input as is, any other value as JSON. */
export function inputText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input === undefined) return '';
  // `undefined` for functions and symbols, which have no JSON form.
  const json = JSON.stringify(input) as string | undefined;
  return json ?? '';
}

/** Usage from token counts a provider reported (missing counts are 0). */
export function tokenUsage(prompt: unknown, completion: unknown, total?: unknown): TokenUsage {
  const promptTokens = typeof prompt === 'number' ? prompt : 0;
  const completionTokens = typeof completion === 'number' ? completion : 0;
  const totalTokens = typeof total === 'number' ? total : promptTokens + completionTokens;
  return { promptTokens, completionTokens, totalTokens };
}

/** The base URL without trailing slashes, so paths can be appended. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
