import { ConfigurationError } from '../../engine/errors';
import type { LlmProvider } from './llmTypes';

/** A declared agent's `model` split into provider and the provider's own model name. */
export interface ModelId {
  readonly provider: LlmProvider;
  readonly model: string;
}

const PROVIDERS: readonly LlmProvider[] = ['openai', 'anthropic'];

// Names people reach for that are served through the OpenAI-compatible provider.
const OPENAI_COMPATIBLE = new Set([
  'ollama',
  'lmstudio',
  'lm-studio',
  'vllm',
  'llamacpp',
  'llama.cpp',
]);

function isProvider(name: string): name is LlmProvider {
  return (PROVIDERS as readonly string[]).includes(name);
}

function suggestionFor(provider: string, model: string): string {
  const lower = provider.toLowerCase();
  if (isProvider(lower)) return `Write the provider in lower case: "${lower}:${model}".`;
  if (OPENAI_COMPATIBLE.has(lower)) {
    return `Use "openai:${model}" and set the OpenAI base URL to the local server (e.g. http://127.0.0.1:11434/v1 for Ollama).`;
  }
  if (lower === 'claude') return `Use "anthropic:${model}".`;
  if (lower === 'gpt' || lower === 'azure') return `Use "openai:${model}".`;
  return `Use "openai:<model>" (also for OpenAI-compatible servers) or "anthropic:<model>".`;
}

/** Parses `"openai:gpt-4o"`; an unknown provider or a missing prefix is a ConfigurationError. */
export function parseModelId(id: string): ModelId {
  const trimmed = id.trim();
  const colon = trimmed.indexOf(':');
  if (colon <= 0 || colon === trimmed.length - 1) {
    throw new ConfigurationError(`The model "${id}" is not of the form "<provider>:<model>".`, {
      suggestion: `Write e.g. "openai:gpt-4o-mini" or "anthropic:claude-sonnet-4-0".`,
      details: { model: id },
    });
  }
  const provider = trimmed.slice(0, colon);
  const model = trimmed.slice(colon + 1);
  if (!isProvider(provider)) {
    throw new ConfigurationError(
      `The model "${id}" names an unknown provider "${provider}"; known providers: ${PROVIDERS.join(', ')}.`,
      { suggestion: suggestionFor(provider, model), details: { model: id, provider } },
    );
  }
  return { provider, model };
}
