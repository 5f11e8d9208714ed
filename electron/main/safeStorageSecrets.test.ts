import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SecretCipher } from './safeStorageSecrets';
import { createSafeStorageSecretStore } from './safeStorageSecrets';

vi.mock('electron', () => ({}));

const dir = await mkdtemp(path.join(tmpdir(), 'flujo-secrets-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A stand-in for safeStorage: a reversible transformation that hides the text. */
function fakeCipher(overrides: Partial<SecretCipher> = {}): SecretCipher {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
    decryptString: (data) => {
      const text = data.toString();
      if (!text.startsWith('enc:')) throw new Error('bad data');
      return Buffer.from(text.slice(4), 'hex').toString();
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...overrides,
  };
}

const KEY = 'sk-test-0123456789abcdef';
let files = 0;
const nextFile = () => path.join(dir, `secrets-${String(++files)}.json`);

describe('safeStorage secrets', () => {
  it('round-trips a key through the encrypted file, also in a new store', async () => {
    const file = nextFile();
    const store = createSafeStorageSecretStore({ cipher: fakeCipher(), file, env: {} });
    expect(await store.has('openai')).toBe(false);
    await store.set('openai', KEY);
    expect(await store.get('openai')).toBe(KEY);
    expect(await store.has('anthropic')).toBe(false);
    const reopened = createSafeStorageSecretStore({ cipher: fakeCipher(), file, env: {} });
    expect(await reopened.get('openai')).toBe(KEY);
    expect(await reopened.has('openai')).toBe(true);
  });

  it('never writes the key in plain text, and keeps the file owner-only', async () => {
    const file = nextFile();
    const store = createSafeStorageSecretStore({ cipher: fakeCipher(), file, env: {} });
    await store.set('anthropic', KEY);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'));
    const saved = JSON.parse(text) as { version: number; keys: Record<string, unknown> };
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.keys)).toEqual(['anthropic']);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('removes a key when set to the empty string, falling back to the environment', async () => {
    const file = nextFile();
    const store = createSafeStorageSecretStore({
      cipher: fakeCipher(),
      file,
      env: { OPENAI_API_KEY: 'from-env' },
    });
    await store.set('openai', KEY);
    expect(await store.get('openai')).toBe(KEY);
    await store.set('openai', '');
    expect(await store.get('openai')).toBe('from-env');
    expect(await readFile(file, 'utf8')).not.toContain('openai');
  });

  it('refuses to store a key without a usable keychain, writing nothing', async () => {
    for (const cipher of [
      fakeCipher({ isEncryptionAvailable: () => false }),
      fakeCipher({ getSelectedStorageBackend: () => 'basic_text' }),
    ]) {
      const file = nextFile();
      const store = createSafeStorageSecretStore({ cipher, file, env: {}, platform: 'linux' });
      await expect(store.set('openai', KEY)).rejects.toMatchObject({
        code: 'SecretStorageUnavailable',
      });
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    }
  });

  it('reports an undecryptable key without revealing it', async () => {
    const file = nextFile();
    await createSafeStorageSecretStore({ cipher: fakeCipher(), file, env: {} }).set('openai', KEY);
    const broken = fakeCipher({
      decryptString: () => {
        throw new Error('keychain changed');
      },
    });
    const store = createSafeStorageSecretStore({ cipher: broken, file, env: {} });
    const failure: unknown = await store.get('openai').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SecretUnreadable' });
    expect((failure as Error).message).not.toContain(KEY);
  });
});
