import { ProviderError } from '../../engine/errors';
import type { ProviderRequest } from './providerRequest';
import { redactSecrets } from './redactSecrets';

const PROVIDER_LABEL = { openai: 'OpenAI', anthropic: 'Anthropic' } as const;

/** Milliseconds a `Retry-After` header asks to wait (seconds or an HTTP date), if it says. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function providerMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const error: unknown = parsed.error;
      if (typeof error === 'string') return error;
      if (typeof error === 'object' && error !== null && 'message' in error) {
        if (typeof error.message === 'string') return error.message;
      }
    }
  } catch {
    // Not JSON (an HTML error page, a proxy's text): summarise the raw text below.
  }
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function suggestionFor(status: number, request: ProviderRequest): string {
  const label = PROVIDER_LABEL[request.provider];
  if (status === 401 || status === 403)
    return `Check the ${label} API key in Settings → Providers.`;
  if (status === 404) {
    return `Check the model name "${request.model}" and the ${label} base URL (${request.endpoint.baseUrl}).`;
  }
  if (status === 429)
    return `The ${label} rate limit or quota was reached; wait, or lower the load.`;
  if (status >= 500) return `${label} had a server problem; try again later.`;
  return `Check the agent's model_settings and output_schema against the ${label} API.`;
}

/** A ProviderError for a non-2xx reply: status and the provider's message, never the key. */
export async function httpFailure(
  response: Response,
  request: ProviderRequest,
): Promise<ProviderError> {
  const body = await response
    .text()
    .catch((error: unknown) => `(body unreadable: ${String(error)})`);
  const status = response.status;
  const retryable = status === 429 || status >= 500;
  const summary = redactSecrets(providerMessage(body), [request.endpoint.apiKey]);
  const label = PROVIDER_LABEL[request.provider];
  const wait = retryAfterMs(response.headers.get('retry-after'));
  return new ProviderError(
    `${label} request of agent "${request.agentName}" failed with HTTP ${status}${summary === '' ? '' : `: ${summary}`}`,
    {
      suggestion: suggestionFor(status, request),
      details: { status, retryable, ...(wait === undefined ? {} : { retryAfterMs: wait }) },
    },
  );
}

/** POSTs a JSON body; a non-2xx reply becomes a ProviderError (network errors propagate). */
export async function postJson(
  request: ProviderRequest,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: Readonly<Record<string, unknown>>,
): Promise<Response> {
  const response = await request.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: request.signal,
  });
  if (!response.ok) throw await httpFailure(response, request);
  return response;
}

/** A ProviderError for a 2xx reply whose body is not what the provider's API promises. */
export function malformedReply(request: ProviderRequest, what: string): ProviderError {
  return new ProviderError(
    `${PROVIDER_LABEL[request.provider]} sent agent "${request.agentName}" a malformed reply: ${what}.`,
    {
      suggestion: `Check that ${request.endpoint.baseUrl} is a ${PROVIDER_LABEL[request.provider]}-compatible API.`,
      details: { retryable: false },
    },
  );
}

/** A ProviderError for a stream that ended before the provider said the reply was complete. */
export function streamCutOff(request: ProviderRequest): ProviderError {
  return new ProviderError(
    `${PROVIDER_LABEL[request.provider]} stream for agent "${request.agentName}" ended before the reply was complete.`,
    {
      suggestion: 'The connection dropped mid-answer; run the step again.',
      details: { retryable: true },
    },
  );
}
