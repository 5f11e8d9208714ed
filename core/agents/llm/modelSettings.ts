import type { YamlValue } from '../../model/jsonValue';
import type { LlmProvider } from './llmTypes';

/** An agent's `model_settings` split into request-body fields and extra HTTP headers. */
export interface WireSettings {
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
}

// Flujo (pydantic-ai) settings that are not request-body fields.
const NOT_BODY = new Set(['timeout', 'extra_headers', 'extra_body']);
// OpenAI-only sampling fields Anthropic's API rejects.
const OPENAI_ONLY = new Set([
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'parallel_tool_calls',
]);

function isRecord(value: YamlValue | undefined): value is { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// OpenAI's reasoning models refuse `max_tokens` and take `max_completion_tokens` instead.
function usesMaxCompletionTokens(model: string): boolean {
  return /^(o\d|gpt-5)/.test(model);
}

/**
 * Maps `model_settings` onto one provider's request: most keys pass through unchanged (e.g.
 * `temperature`, `max_tokens`, `top_p`); `extra_body` is merged in, `extra_headers` become headers,
 * `stop_sequences` is OpenAI's `stop`.
 */
export function toWireSettings(
  settings: Readonly<Record<string, YamlValue>> | undefined,
  provider: LlmProvider,
  model: string,
): WireSettings {
  const body: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  if (settings === undefined) return { body, headers };
  for (const [key, value] of Object.entries(settings)) {
    if (NOT_BODY.has(key)) continue;
    if (provider === 'anthropic' && OPENAI_ONLY.has(key)) continue;
    if (provider === 'openai' && key === 'stop_sequences') body.stop = value;
    else if (provider === 'openai' && key === 'max_tokens' && usesMaxCompletionTokens(model)) {
      body.max_completion_tokens = value;
    } else body[key] = value;
  }
  const extraBody = settings.extra_body;
  if (isRecord(extraBody)) Object.assign(body, extraBody);
  const extraHeaders = settings.extra_headers;
  if (isRecord(extraHeaders)) {
    for (const [name, value] of Object.entries(extraHeaders)) {
      if (typeof value === 'string') headers[name] = value;
    }
  }
  return { body, headers };
}
