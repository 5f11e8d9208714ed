import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from './channels';
import { validateRequest } from './validateRequest';

describe('validateRequest', () => {
  it('accepts a well-formed request and returns the parsed payload', () => {
    const result = validateRequest('runs.start', { text: 'steps: []', input: 'hello' });
    expect(result).toMatchObject({
      ok: true,
      channel: 'runs.start',
      request: { text: 'steps: []', input: 'hello' },
    });
  });

  it('rejects a malformed payload with a validation error naming the field', () => {
    const result = validateRequest('documents.open', { path: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ValidationError');
      expect(result.error.message).toContain('path');
    }
  });

  it('rejects an unknown channel', () => {
    const result = validateRequest('shell.exec', { command: 'rm -rf /' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UnknownChannel' } });
  });

  it('rejects a debug command that is not one of the known ones', () => {
    expect(validateRequest('runs.debug', { runId: 'r1', command: 'eval' }).ok).toBe(false);
  });

  it('lists every channel', () => {
    expect(CHANNEL_NAMES).toContain('hitl.answer');
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });
});
