import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHost } from './__fixtures__/testHost';
import { startTestHost } from './__fixtures__/testHost';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.dispose();
});

describe('dispatch', () => {
  it('answers a malformed payload with a validation error envelope, not a throw', async () => {
    const envelope = await t.host.dispatch('documents.open', { path: 42 });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'ValidationError' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('path');
  });

  it('answers an unknown channel with an error envelope', async () => {
    const envelope = await t.host.dispatch('documents.delete', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UnknownChannel' } });
  });

  it('turns a failing handler into an error envelope without a stack', async () => {
    const envelope = await t.host.dispatch('documents.open', { path: 'missing.yaml' });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('HostError');
    expect(envelope.error.message).toContain('missing.yaml');
    expect(JSON.stringify(envelope)).not.toContain('    at ');
  });

  it('keeps the code of an expected refusal', async () => {
    const envelope = await t.host.dispatch('runs.get', { runId: 'nope' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });

  it('tells the renderer which mode and workspace it runs in', async () => {
    const info = await t.call('app.info', {});
    expect(info).toMatchObject({ mode: 'browser', workspace: t.dir });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
