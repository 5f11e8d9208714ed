import { ConfigurationError } from '../../engine/errors';
import { ANTHROPIC_DEFAULT_BASE_URL } from './anthropicProvider';
import type { LlmProvider, ProviderEndpoint, ProviderSettings } from './llmTypes';
import { OPENAI_DEFAULT_BASE_URL } from './openaiProvider';

const HOSTED = {
  openai: { host: 'api.openai.com', envVar: 'OPENAI_API_KEY', label: 'OpenAI' },
  anthropic: { host: 'api.anthropic.com', envVar: 'ANTHROPIC_API_KEY', label: 'Anthropic' },
} as const;

function hostOf(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The endpoint an agent call goes to: the configured one, or the provider's own API. The hosted
 * APIs need a key (a ConfigurationError says where to set it); local servers need none.
 */
export function resolveEndpoint(
  provider: LlmProvider,
  settings: ProviderSettings,
  agentName: string,
): ProviderEndpoint {
  const configured = settings[provider];
  const baseUrl =
    configured?.baseUrl === undefined || configured.baseUrl.trim() === ''
      ? provider === 'openai'
        ? OPENAI_DEFAULT_BASE_URL
        : ANTHROPIC_DEFAULT_BASE_URL
      : configured.baseUrl.trim();
  const host = hostOf(baseUrl);
  if (host === undefined) {
    throw new ConfigurationError(
      `The ${HOSTED[provider].label} base URL "${baseUrl}" is not a URL.`,
      {
        suggestion: 'Set a full URL such as http://127.0.0.1:11434/v1 in Settings → Providers.',
      },
    );
  }
  const apiKey = configured?.apiKey;
  const hosted = HOSTED[provider];
  if (host === hosted.host && (apiKey === undefined || apiKey === '')) {
    throw new ConfigurationError(
      `The agent "${agentName}" uses ${hosted.label}, but no ${hosted.label} API key is set.`,
      {
        suggestion: `Set the ${hosted.envVar} environment variable or add the key in Settings → Providers.`,
        details: { provider, envVar: hosted.envVar },
      },
    );
  }
  return apiKey === undefined ? { baseUrl } : { baseUrl, apiKey };
}
