import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared';
import type { TestHost } from '../__fixtures__/testHost';
import { startTestHost } from '../__fixtures__/testHost';
import { createEnvSecretStore } from './secretStore';

const SECRET = 'sk-test-DO-NOT-LEAK-1234567890';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.dispose();
});

describe('settings', () => {
  it('start with strict pricing and no keys', async () => {
    expect(await t.call('settings.get', {})).toEqual({
      providers: {},
      pricing: {},
      strictPricing: true,
      keysSet: { openai: false, anthropic: false },
    });
  });

  it('round-trip through the store, merging partial changes', async () => {
    await t.call('settings.set', {
      providers: { openai: { baseUrl: 'http://127.0.0.1:11434/v1' } },
    });
    const after = await t.call('settings.set', {
      strictPricing: false,
      pricing: { 'openai:local': { inputPerMillion: 0, outputPerMillion: 0 } },
    });
    expect(after).toMatchObject({
      providers: { openai: { baseUrl: 'http://127.0.0.1:11434/v1' } },
      strictPricing: false,
    });
    expect(await t.call('settings.get', {})).toEqual(after);
  });

  it('refuses a base URL that is not a URL', async () => {
    const envelope = await t.host.dispatch('settings.set', {
      providers: { openai: { baseUrl: 'not a url' } },
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'ValidationError' } });
  });
});

describe('secrets', () => {
  it('report keys from the environment without revealing them', async () => {
    const host = await startTestHost({
      secrets: createEnvSecretStore({ ANTHROPIC_API_KEY: SECRET }),
    });
    try {
      expect((await host.call('settings.get', {})).keysSet).toEqual({
        openai: false,
        anthropic: true,
      });
    } finally {
      await host.dispose();
    }
  });

  it('never appear in any response or event', async () => {
    await t.call('secrets.set', { provider: 'openai', apiKey: SECRET });
    await writeFile(path.join(t.dir, 'hello.yaml'), 'version: "0.1"\nname: x\nsteps: []\n');
    const reads: [ChannelName, unknown][] = [
      ['app.info', {}],
      ['settings.get', {}],
      ['settings.set', { strictPricing: true }],
      ['documents.list', {}],
      ['documents.open', { path: 'hello.yaml' }],
      ['documents.recent', {}],
      ['documents.samples', {}],
      ['drafts.list', {}],
      ['runs.list', {}],
      ['hitl.pending', {}],
      ['workspace.trust', { trusted: false }],
      ['secrets.set', { provider: 'openai', apiKey: SECRET }],
    ];
    const responses = await Promise.all(
      reads.map(([channel, payload]) => t.host.dispatch(channel, payload)),
    );
    expect(responses.every((envelope) => envelope.ok)).toBe(true);
    expect((await t.call('settings.get', {})).keysSet.openai).toBe(true);
    const serialised = JSON.stringify({ responses, events: t.events, warnings: t.warnings });
    expect(serialised).not.toContain(SECRET);
  });
});

describe('workspace trust', () => {
  it('is stored per workspace folder', async () => {
    expect(await t.call('workspace.trust', { trusted: true })).toEqual({ trusted: true });
    const again = await startTestHost({ store: t.store, workspace: t.dir });
    try {
      expect(await again.call('workspace.trust', { trusted: false })).toEqual({ trusted: false });
    } finally {
      await again.dispose();
    }
  });

  it('needs a folder to trust', async () => {
    const host = await startTestHost({ workspace: undefined, mode: 'electron' });
    try {
      const envelope = await host.host.dispatch('workspace.trust', { trusted: true });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'NoWorkspace' } });
    } finally {
      await host.dispose();
    }
  });
});
