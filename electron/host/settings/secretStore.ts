/** A provider whose API key the studio can hold. */
export type SecretProvider = 'openai' | 'anthropic';

/** Every provider with a key slot. */
export const SECRET_PROVIDERS: readonly SecretProvider[] = ['openai', 'anthropic'];

/**
 * Where API keys live: Electron's safeStorage (written by the Electron shell) or the environment
 * (browser mode, CLI). Keys go to runs only; they never appear in a response, an event or a log.
 */
export interface SecretStore {
  /** The key of `provider`, or `undefined` when none is set. */
  readonly get: (provider: SecretProvider) => Promise<string | undefined>;
  /** Stores a key; an empty string removes it. */
  readonly set: (provider: SecretProvider, key: string) => Promise<void>;
  /** Whether a key is set (without reading it out). */
  readonly has: (provider: SecretProvider) => Promise<boolean>;
}

const ENV_VARS: Readonly<Record<SecretProvider, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

/**
 * Keys from the environment (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`); `set` keeps a key in memory
 * for this process only (browser mode has no OS keychain to write it to).
 */
export function createEnvSecretStore(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SecretStore {
  const overrides = new Map<SecretProvider, string>();
  const get = (provider: SecretProvider): string | undefined => {
    const value = overrides.has(provider) ? overrides.get(provider) : env[ENV_VARS[provider]];
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    get: (provider) => Promise.resolve(get(provider)),
    set: (provider, key) => {
      overrides.set(provider, key);
      return Promise.resolve();
    },
    has: (provider) => Promise.resolve(get(provider) !== undefined),
  };
}
