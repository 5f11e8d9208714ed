import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../engine/errors';
import type { FlujoError } from '../../engine/errors';
import { parseModelId } from './parseModelId';

function thrown(id: string): FlujoError {
  try {
    parseModelId(id);
  } catch (error) {
    return error as FlujoError;
  }
  throw new Error(`"${id}" parsed`);
}

describe('parseModelId', () => {
  it('splits provider and model at the first colon', () => {
    expect(parseModelId('openai:gpt-4o')).toEqual({ provider: 'openai', model: 'gpt-4o' });
    expect(parseModelId('openai:llama3.2:3b')).toEqual({
      provider: 'openai',
      model: 'llama3.2:3b',
    });
    expect(parseModelId('anthropic:claude-sonnet-4-0')).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-0',
    });
  });

  it('rejects an unknown provider, pointing local servers at openai:', () => {
    const error = thrown('ollama:llama3');
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('unknown provider "ollama"');
    expect(error.suggestion).toContain('openai:llama3');
    expect(thrown('OpenAI:gpt-4o').suggestion).toContain('openai:gpt-4o');
  });

  it('rejects a model without a provider prefix', () => {
    expect(thrown('gpt-4o')).toBeInstanceOf(ConfigurationError);
    expect(thrown('openai:').message).toContain('<provider>:<model>');
  });
});
