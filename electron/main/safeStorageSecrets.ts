import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretProvider, SecretStore } from '../host';
import { HostFailure, SECRET_PROVIDERS, createEnvSecretStore } from '../host';

/** The part of Electron's `safeStorage` the store uses (so tests can pass a fake). */
export interface SecretCipher {
  readonly isEncryptionAvailable: () => boolean;
  readonly encryptString: (plainText: string) => Buffer;
  readonly decryptString: (encrypted: Buffer) => string;
  /** Linux only: `basic_text` means no keyring (a fixed, public key — no protection). */
  readonly getSelectedStorageBackend?: () => string;
}

/** Options of `createSafeStorageSecretStore`. */
export interface SafeStorageSecretOptions {
  readonly cipher: SecretCipher;
  /** The encrypted key file, `<userData>/secrets.json`. */
  readonly file: string;
  /** Keys set in the environment are used when none is stored (default: `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
}

interface SecretFile {
  readonly version: 1;
  /** provider → the key encrypted by safeStorage, base64. */
  readonly keys: Partial<Record<SecretProvider, string>>;
}

/**
 * API keys encrypted with Electron's `safeStorage` (the OS keychain) in one JSON file; a key set in
 * the environment is the fallback. Keys are never logged and never written unencrypted: without a
 * usable keychain `set` refuses and says to use the environment instead.
 */
export function createSafeStorageSecretStore(options: SafeStorageSecretOptions): SecretStore {
  const { cipher, file } = options;
  const fromEnv = createEnvSecretStore(options.env ?? process.env);
  const platform = options.platform ?? process.platform;
  let cached: SecretFile | undefined;

  const load = async (): Promise<SecretFile> => {
    if (cached !== undefined) return cached;
    cached = await readSecretFile(file);
    return cached;
  };

  const stored = async (provider: SecretProvider): Promise<string | undefined> => {
    const encrypted = (await load()).keys[provider];
    if (encrypted === undefined) return undefined;
    try {
      return cipher.decryptString(Buffer.from(encrypted, 'base64'));
    } catch (error) {
      const failure = new HostFailure(
        'SecretUnreadable',
        `The saved ${provider} API key cannot be decrypted (the OS keychain changed?).`,
        'Enter the key again in Settings.',
      );
      // Kept for debugging; decryption errors carry no key material.
      failure.cause = error;
      throw failure;
    }
  };

  const assertCanEncrypt = (): void => {
    const backend = platform === 'linux' ? cipher.getSelectedStorageBackend?.() : undefined;
    if (!cipher.isEncryptionAvailable() || backend === 'basic_text') {
      throw new HostFailure(
        'SecretStorageUnavailable',
        'No OS keychain is available to encrypt the API key, so it was not saved.',
        'Set OPENAI_API_KEY or ANTHROPIC_API_KEY in the environment before starting the studio.',
      );
    }
  };

  return {
    get: async (provider) => (await stored(provider)) ?? (await fromEnv.get(provider)),
    has: async (provider) =>
      (await load()).keys[provider] !== undefined || (await fromEnv.has(provider)),
    set: async (provider, key) => {
      if (!SECRET_PROVIDERS.includes(provider)) {
        throw new HostFailure('UnknownProvider', `No key slot for provider '${provider}'.`);
      }
      const others = Object.entries((await load()).keys).filter(([name]) => name !== provider);
      const keys: Partial<Record<SecretProvider, string>> = Object.fromEntries(others);
      if (key !== '') {
        assertCanEncrypt();
        keys[provider] = cipher.encryptString(key).toString('base64');
      }
      const next: SecretFile = { version: 1, keys };
      await writeSecretFile(file, next);
      cached = next;
    },
  };
}

async function readSecretFile(file: string): Promise<SecretFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, keys: {} };
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<SecretFile> | null;
  const keys: Partial<Record<SecretProvider, string>> = {};
  for (const provider of SECRET_PROVIDERS) {
    const value = parsed?.keys?.[provider];
    if (typeof value === 'string') keys[provider] = value;
  }
  return { version: 1, keys };
}

/** Temp file + rename, owner-only permissions: a crash never leaves a half-written key file. */
async function writeSecretFile(file: string, content: SecretFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${String(process.pid)}.tmp`;
  await writeFile(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
}
