import { describe, expect, it } from 'vitest';
import { toWireSettings } from './modelSettings';
import { redactSecrets } from './redactSecrets';

describe('toWireSettings', () => {
  it('passes sampling settings through and maps Flujo-only keys', () => {
    const wire = toWireSettings(
      {
        temperature: 0.1,
        timeout: 30,
        stop_sequences: ['END'],
        extra_headers: { 'x-trace': 'on' },
        extra_body: { reasoning_effort: 'low' },
      },
      'openai',
      'gpt-4o',
    );

    expect(wire).toEqual({
      body: { temperature: 0.1, stop: ['END'], reasoning_effort: 'low' },
      headers: { 'x-trace': 'on' },
    });
  });

  it("sends max_tokens as max_completion_tokens to OpenAI's reasoning models only", () => {
    expect(toWireSettings({ max_tokens: 9 }, 'openai', 'o3-mini').body).toEqual({
      max_completion_tokens: 9,
    });
    expect(toWireSettings({ max_tokens: 9 }, 'openai', 'llama3').body).toEqual({ max_tokens: 9 });
  });

  it('drops OpenAI-only settings for Anthropic and keeps stop_sequences', () => {
    const wire = toWireSettings(
      { seed: 1, frequency_penalty: 0.5, stop_sequences: ['END'] },
      'anthropic',
      'claude-sonnet-4-0',
    );

    expect(wire.body).toEqual({ stop_sequences: ['END'] });
  });
});

describe('redactSecrets', () => {
  it('masks every occurrence of each secret', () => {
    expect(redactSecrets('key sk-123456 and sk-123456 again', ['sk-123456', undefined])).toBe(
      'key *** and *** again',
    );
  });
});
