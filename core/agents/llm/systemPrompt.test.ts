import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../engine/errors';
import { renderSystemPrompt } from './systemPrompt';

describe('renderSystemPrompt', () => {
  it('renders variables over the scope, then the prompt over scope and variables', () => {
    const prompt = renderSystemPrompt(
      'You review {{ language }} code for {{ context.team }}.',
      { language: '{{ previous_step.lang | upper }}' },
      { previous_step: { lang: 'ts' }, context: { team: 'core' } },
      'reviewer',
    );

    expect(prompt).toBe('You review TS code for core.');
  });

  it('keeps non-string variables as values and plain prompts as written', () => {
    expect(renderSystemPrompt('Limit: {{ limit }}', { limit: 3 }, {}, 'a')).toBe('Limit: 3');
    expect(renderSystemPrompt('Be brief.', undefined, {}, 'a')).toBe('Be brief.');
  });

  it('fails with a ConfigurationError naming the agent when a template is broken', () => {
    expect(() => renderSystemPrompt('{{ x | nosuchfilter }}', undefined, {}, 'critic')).toThrow(
      ConfigurationError,
    );
    expect(() => renderSystemPrompt('{{ x | nosuchfilter }}', undefined, {}, 'critic')).toThrow(
      /"critic"/,
    );
  });
});
