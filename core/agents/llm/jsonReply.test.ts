import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../engine/errors';
import { parseJsonReply, stripCodeFence } from './jsonReply';

describe('JSON replies', () => {
  it('strips a Markdown code fence with or without a language', () => {
    expect(stripCodeFence('```json\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(stripCodeFence('  ```\n[1, 2]\n```  ')).toBe('[1, 2]');
    expect(stripCodeFence(' {"a": 1} ')).toBe('{"a": 1}');
  });

  it('parses JSON values and reports a non-JSON reply as a ProviderError', () => {
    expect(parseJsonReply('```json\n{"a": [1, "x"]}\n```', 'agent')).toEqual({ a: [1, 'x'] });
    expect(parseJsonReply('42', 'agent')).toBe(42);
    expect(() => parseJsonReply('Here you go: {"a": 1}', 'extractor')).toThrow(ProviderError);
    expect(() => parseJsonReply('nope', 'extractor')).toThrow(/"extractor".*not valid JSON/);
  });
});
