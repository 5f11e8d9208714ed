import { describe, expect, it } from 'vitest';

import { describeFixtureCases } from '../__fixtures__/fixtureTable';
import { fixtureFindings } from '../__fixtures__/ruleFixtureFindings';
import { closestName } from './unknownKeysSimilarity';

describeFixtureCases('unknown keys', [
  {
    rule: 'UNKNOWN-KEY',
    bad: [
      ['info', undefined, 2, 1],
      ['info', 'draft', 6, 5],
      ['info', 'draft', 7, 5],
      ['info', 'draft', 8, 5],
      ['info', 'draft', 11, 7],
      ['info', 'refine', 15, 7],
    ],
  },
]);

describe('UNKNOWN-KEY messages', () => {
  const messages = fixtureFindings('UNKNOWN-KEY', 'bad', 'studio').map((d) => d.message);

  it('says Flujo ignores the key, the studio keeps it, and what was probably meant', () => {
    expect(messages).toEqual([
      'Top level: Flujo ignores `description`; the studio keeps it.',
      'Step "draft": Flujo ignores `max_retry`; the studio keeps it. Did you mean `config.max_retries`?',
      'Step "draft": Flujo ignores `timeout_s`; the studio keeps it. It belongs under `config:` (`config: { timeout_s: … }`).',
      'Step "draft": Flujo ignores `message`; the studio keeps it. Only `kind: hitl` steps read it, not `kind: step`.',
      'Step "draft", `config`: Flujo ignores `bogus`; the studio keeps it.',
      'Step "refine", `loop`: Flujo ignores `max_loop`; the studio keeps it. Did you mean `max_loops`?',
    ]);
  });

  it('matches typos, case and plurals but not unrelated keys', () => {
    expect(closestName('max_retry', ['max_retries', 'timeout_s'])).toBe('max_retries');
    expect(closestName('Max_Loops', ['max_loops'])).toBe('max_loops');
    expect(closestName('imput', ['input', 'uses'])).toBe('input');
    expect(closestName('description', ['input', 'uses', 'name'])).toBeUndefined();
  });
});
