import { ConfigurationError } from '../../engine/errors';
import { assertNever } from '../../model/assertNever';
import { callAnthropic } from './anthropicProvider';
import { attemptFailure, cancelledError, isRetryable, requestedWaitMs } from './attemptFailure';
import { parseJsonReply } from './jsonReply';
import type { AgentCallRequest, AgentCallResult, LlmPorts, LlmProvider } from './llmTypes';
import { callOpenAi } from './openaiProvider';
import { toWireSchema, unwrapOutput } from './outputSchema';
import { parseModelId } from './parseModelId';
import { DEFAULT_PRICING, assertPriced, costFor } from './pricing';
import { resolveEndpoint } from './providerEndpoint';
import type { ProviderAdapter, ProviderReply, ProviderRequest } from './providerRequest';
import { agentMaxRetries, agentTimeoutMs, backoffMs } from './retryPolicy';

const PROVIDER_LABEL = { openai: 'OpenAI', anthropic: 'Anthropic' } as const;

function adapterFor(provider: LlmProvider): ProviderAdapter {
  switch (provider) {
    case 'openai':
      return callOpenAi;
    case 'anthropic':
      return callAnthropic;
    default:
      return assertNever(provider);
  }
}

/** Runs one attempt with the agent's timeout; `timedOut` tells the caller why it aborted. */
async function timedAttempt(
  adapter: ProviderAdapter,
  request: Omit<ProviderRequest, 'signal'>,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number | undefined,
  state: { timedOut: boolean },
): Promise<ProviderReply> {
  const timeout = new AbortController();
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          state.timedOut = true;
          timeout.abort();
        }, timeoutMs);
  const signal =
    callerSignal === undefined ? timeout.signal : AbortSignal.any([callerSignal, timeout.signal]);
  try {
    return await adapter({ ...request, signal });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls a declared agent (`uses: agents.<name>`): checks its model, price and key before any
 * request, then retries network errors, HTTP 429 and 5xx up to the agent's `max_retries` (never a
 * cancelled call, never once chunks were streamed), each attempt bounded by the agent's `timeout`.
 */
export async function callDeclaredAgent(
  request: AgentCallRequest,
  ports: LlmPorts,
): Promise<AgentCallResult> {
  const { agentName, agent, signal } = request;
  if (agent.model === undefined || agent.model.trim() === '') {
    throw new ConfigurationError(`The agent "${agentName}" has no model.`, {
      suggestion: 'Add e.g. `model: "openai:gpt-4o-mini"` to the agent.',
    });
  }
  const { provider, model } = parseModelId(agent.model);
  const modelId = `${provider}:${model}`;
  const pricing = ports.pricing ?? DEFAULT_PRICING;
  const strict = ports.strictPricing ?? true;
  assertPriced(modelId, pricing, strict);
  const endpoint = resolveEndpoint(provider, ports.settings, agentName);
  // A function, not a narrowed property read: the signal aborts while we await.
  const cancelled = (): boolean => signal?.aborted === true;
  if (cancelled()) throw cancelledError(agentName);

  const adapter = adapterFor(provider);
  const maxAttempts = agentMaxRetries(agent) + 1;
  const timeoutMs = agentTimeoutMs(agent);
  const systemPrompt =
    request.systemPrompt ??
    (typeof agent.system_prompt === 'string' ? agent.system_prompt : undefined);
  const onChunk = request.onChunk;

  for (let attempt = 1; ; attempt++) {
    const state = { timedOut: false, streamed: false, chunkError: undefined as unknown };
    const forward =
      onChunk === undefined
        ? undefined
        : (text: string): void => {
            state.streamed = true;
            try {
              onChunk(text);
            } catch (error) {
              state.chunkError = error;
              throw error;
            }
          };
    try {
      const reply = await timedAttempt(
        adapter,
        {
          agentName,
          agent,
          provider,
          model,
          endpoint,
          systemPrompt,
          input: request.input,
          fetch: ports.fetch,
          ...(forward === undefined ? {} : { onChunk: forward }),
        },
        signal,
        timeoutMs,
        state,
      );
      const schema = agent.output_schema;
      const output =
        schema === undefined
          ? reply.text
          : unwrapOutput(parseJsonReply(reply.text, agentName), toWireSchema(schema));
      const costUsd = costFor(reply.usage, modelId, pricing, strict);
      return { output, usage: reply.usage, costUsd, model, provider, attempts: attempt };
    } catch (error) {
      // The caller's own chunk handler failed: its error, not the provider's.
      if (state.chunkError !== undefined && error === state.chunkError) throw error;
      const failure = attemptFailure(error, {
        agentName,
        providerLabel: PROVIDER_LABEL[provider],
        baseUrl: endpoint.baseUrl,
        apiKey: endpoint.apiKey,
        callerSignal: signal,
        timedOut: state.timedOut,
        timeoutMs,
      });
      // A retry after streamed chunks would show the user the start of the answer twice.
      if (!isRetryable(failure) || state.streamed || attempt >= maxAttempts) throw failure;
      await ports
        .sleep(requestedWaitMs(failure) ?? backoffMs(attempt), signal)
        .catch((sleepError: unknown) => {
          throw cancelled() ? cancelledError(agentName) : sleepError;
        });
      if (cancelled()) throw cancelledError(agentName);
    }
  }
}
