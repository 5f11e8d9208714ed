import { ProviderError } from '../../engine/errors';

const FENCED = /^\s*```[\w-]*[ \t]*\r?\n?([\s\S]*?)\r?\n?```\s*$/;

/** The reply text without a surrounding Markdown code fence (```json … ```). */
export function stripCodeFence(text: string): string {
  const match = FENCED.exec(text);
  return match?.[1] ?? text.trim();
}

/** Parses a reply the agent's `output_schema` says is JSON; anything else is a ProviderError. */
export function parseJsonReply(text: string, agentName: string): unknown {
  const body = stripCodeFence(text);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const preview = body.length > 200 ? `${body.slice(0, 200)}…` : body;
    throw new ProviderError(
      `The agent "${agentName}" declares output_schema, but the model's reply is not valid JSON: ${JSON.stringify(preview)}.`,
      {
        suggestion:
          'Say in the system prompt that the answer must be JSON only, or use a model that supports structured output.',
        cause: error,
        details: { retryable: false },
      },
    );
  }
}
