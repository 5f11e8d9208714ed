import { jsonPath } from './jsonPath';
import type { TokenUsage } from './llmTypes';
import { toWireSettings } from './modelSettings';
import { toWireSchema } from './outputSchema';
import { malformedReply, postJson, streamCutOff } from './providerHttp';
import type { ProviderAdapter, ProviderReply, ProviderRequest } from './providerRequest';
import { inputText, joinUrl, tokenUsage } from './providerRequest';
import { readSseEvents } from './sse';

/** Where Anthropic's API is reached unless the settings name another base URL. */
export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** The API version this adapter speaks (sent as `anthropic-version`). */
export const ANTHROPIC_API_VERSION = '2023-06-01';

const DEFAULT_MAX_TOKENS = 1024;

// Anthropic has no JSON-schema response format: the schema goes into the system prompt.
function systemText(request: ProviderRequest): string | undefined {
  const schema = request.agent.output_schema;
  const base = request.systemPrompt === '' ? undefined : request.systemPrompt;
  if (schema === undefined) return base;
  const instruction =
    'Answer with a single JSON value that matches this JSON schema, and nothing else ' +
    `(no prose, no code fences):\n${JSON.stringify(toWireSchema(schema).schema)}`;
  return base === undefined ? instruction : `${base}\n\n${instruction}`;
}

function requestParts(request: ProviderRequest): {
  body: Record<string, unknown>;
  headers: Record<string, string>;
} {
  const settings = toWireSettings(request.agent.model_settings, 'anthropic', request.model);
  const system = systemText(request);
  const body: Record<string, unknown> = {
    model: request.model,
    max_tokens: DEFAULT_MAX_TOKENS,
    ...(system === undefined ? {} : { system }),
    messages: [{ role: 'user', content: inputText(request.input) }],
    ...settings.body,
  };
  const headers: Record<string, string> = {
    'anthropic-version': ANTHROPIC_API_VERSION,
    ...settings.headers,
  };
  const key = request.endpoint.apiKey;
  if (key !== undefined && key !== '') headers['x-api-key'] = key;
  return { body, headers };
}

function replyText(request: ProviderRequest, payload: unknown): string {
  const content = jsonPath(payload, 'content');
  if (!Array.isArray(content)) throw malformedReply(request, 'no content blocks');
  let text = '';
  for (const block of content as readonly unknown[]) {
    const piece = jsonPath(block, 'text');
    if (jsonPath(block, 'type') === 'text' && typeof piece === 'string') text += piece;
  }
  return text;
}

async function streamed(request: ProviderRequest, response: Response): Promise<ProviderReply> {
  if (response.body === null) throw malformedReply(request, 'an empty streaming body');
  let text = '';
  let prompt: unknown;
  let completion: unknown;
  let complete = false;
  for await (const event of readSseEvents(response.body)) {
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch {
      throw malformedReply(
        request,
        `a stream event that is not JSON (${event.data.slice(0, 100)})`,
      );
    }
    const type = jsonPath(payload, 'type');
    if (type === 'message_start') {
      prompt = jsonPath(payload, 'message', 'usage', 'input_tokens');
      completion = jsonPath(payload, 'message', 'usage', 'output_tokens');
    } else if (type === 'content_block_delta') {
      const delta = jsonPath(payload, 'delta', 'text');
      if (jsonPath(payload, 'delta', 'type') === 'text_delta' && typeof delta === 'string') {
        text += delta;
        request.onChunk?.(delta);
      }
    } else if (type === 'message_delta') {
      const output = jsonPath(payload, 'usage', 'output_tokens');
      if (typeof output === 'number') completion = output;
      const input = jsonPath(payload, 'usage', 'input_tokens');
      if (typeof input === 'number') prompt = input;
    } else if (type === 'message_stop') {
      complete = true;
      break;
    } else if (type === 'error') {
      const message = jsonPath(payload, 'error', 'message');
      throw malformedReply(request, `a stream error: ${String(message)}`);
    }
  }
  if (!complete) throw streamCutOff(request);
  return { text, usage: tokenUsage(prompt, completion) };
}

function usageOf(payload: unknown): TokenUsage {
  return tokenUsage(
    jsonPath(payload, 'usage', 'input_tokens'),
    jsonPath(payload, 'usage', 'output_tokens'),
  );
}

/** Anthropic `POST {baseUrl}/v1/messages`, streamed when the caller wants chunks. */
export const callAnthropic: ProviderAdapter = async (request) => {
  const { body, headers } = requestParts(request);
  const stream = request.onChunk !== undefined;
  if (stream) body.stream = true;
  const url = joinUrl(request.endpoint.baseUrl, '/v1/messages');
  const response = await postJson(request, url, headers, body);
  if (stream) return streamed(request, response);
  const payload: unknown = await response.json().catch(() => {
    throw malformedReply(request, 'a body that is not JSON');
  });
  return { text: replyText(request, payload), usage: usageOf(payload) };
};
