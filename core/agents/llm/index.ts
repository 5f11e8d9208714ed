export type {
  AgentCallRequest,
  AgentCallResult,
  LlmPorts,
  LlmProvider,
  ProviderEndpoint,
  ProviderSettings,
  TokenUsage,
} from './llmTypes';
export { callDeclaredAgent } from './callAgent';
export type { ModelId } from './parseModelId';
export { parseModelId } from './parseModelId';
export type { ModelPrice, PricingTable } from './pricing';
export { DEFAULT_PRICING, assertPriced, costFor, mergePricing, priceFor } from './pricing';
export { renderSystemPrompt } from './systemPrompt';
export { ANTHROPIC_DEFAULT_BASE_URL } from './anthropicProvider';
export { OPENAI_DEFAULT_BASE_URL } from './openaiProvider';
export { DEFAULT_AGENT_MAX_RETRIES } from './retryPolicy';
export { stripCodeFence } from './jsonReply';
