import { ProviderError } from '../../engine/errors';
import { toWireSettings } from './modelSettings';
import { jsonPath } from './jsonPath';
import { toWireSchema } from './outputSchema';
import { malformedReply, postJson, streamCutOff } from './providerHttp';
import type { ProviderAdapter, ProviderReply, ProviderRequest } from './providerRequest';
import { inputText, joinUrl, tokenUsage } from './providerRequest';
import { readSseEvents } from './sse';
import type { TokenUsage } from './llmTypes';

/** Where OpenAI itself is reached; Ollama, LM Studio, vLLM… set their own base URL. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

function requestBody(request: ProviderRequest): {
  body: Record<string, unknown>;
  headers: Record<string, string>;
} {
  const settings = toWireSettings(request.agent.model_settings, 'openai', request.model);
  const messages: { role: 'system' | 'user'; content: string }[] = [];
  if (request.systemPrompt !== undefined && request.systemPrompt !== '') {
    messages.push({ role: 'system', content: request.systemPrompt });
  }
  messages.push({ role: 'user', content: inputText(request.input) });
  const body: Record<string, unknown> = { model: request.model, messages, ...settings.body };
  const schema = request.agent.output_schema;
  if (schema !== undefined) {
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: 'output', schema: toWireSchema(schema).schema, strict: false },
    };
  }
  const headers: Record<string, string> = { ...settings.headers };
  const key = request.endpoint.apiKey;
  if (key !== undefined && key !== '') headers.authorization = `Bearer ${key}`;
  return { body, headers };
}

function usageOf(payload: unknown): TokenUsage {
  return tokenUsage(
    jsonPath(payload, 'usage', 'prompt_tokens'),
    jsonPath(payload, 'usage', 'completion_tokens'),
    jsonPath(payload, 'usage', 'total_tokens'),
  );
}

function replyText(request: ProviderRequest, payload: unknown): string {
  const content = jsonPath(payload, 'choices', 0, 'message', 'content');
  if (typeof content === 'string') return content;
  const refusal = jsonPath(payload, 'choices', 0, 'message', 'refusal');
  if (typeof refusal === 'string') {
    throw new ProviderError(
      `The model refused the request of agent "${request.agentName}": ${refusal}`,
      {
        suggestion: 'Rephrase the system prompt or input.',
        details: { retryable: false },
      },
    );
  }
  throw malformedReply(request, 'no choices[0].message.content');
}

async function streamed(request: ProviderRequest, response: Response): Promise<ProviderReply> {
  if (response.body === null) throw malformedReply(request, 'an empty streaming body');
  let text = '';
  let usage: TokenUsage | undefined;
  let complete = false;
  for await (const event of readSseEvents(response.body)) {
    if (event.data === '[DONE]') {
      complete = true;
      break;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch {
      throw malformedReply(
        request,
        `a stream event that is not JSON (${event.data.slice(0, 100)})`,
      );
    }
    const error = jsonPath(payload, 'error', 'message');
    if (typeof error === 'string') throw malformedReply(request, `a stream error: ${error}`);
    const delta = jsonPath(payload, 'choices', 0, 'delta', 'content');
    if (typeof delta === 'string' && delta !== '') {
      text += delta;
      request.onChunk?.(delta);
    }
    if (jsonPath(payload, 'usage') != null) usage = usageOf(payload);
    // Some OpenAI-compatible servers end the stream without `[DONE]` once a choice finished.
    if (typeof jsonPath(payload, 'choices', 0, 'finish_reason') === 'string') complete = true;
  }
  if (!complete) throw streamCutOff(request);
  return { text, usage: usage ?? tokenUsage(0, 0) };
}

/** OpenAI-compatible `POST {baseUrl}/chat/completions`, streamed when the caller wants chunks. */
export const callOpenAi: ProviderAdapter = async (request) => {
  const { body, headers } = requestBody(request);
  const stream = request.onChunk !== undefined;
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  const url = joinUrl(request.endpoint.baseUrl, '/chat/completions');
  const response = await postJson(request, url, headers, body);
  if (stream) return streamed(request, response);
  const payload: unknown = await response.json().catch(() => {
    throw malformedReply(request, 'a body that is not JSON');
  });
  return { text: replyText(request, payload), usage: usageOf(payload) };
};
