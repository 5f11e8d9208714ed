import { describe, expect, it } from 'vitest';

import { describeFixtureCases } from '../__fixtures__/fixtureTable';
import { ruleFindingsIn } from '../__fixtures__/ruleFixtureFindings';

describeFixtureCases('loop rules', [
  { rule: 'V-L1', bad: [['warning', 'wait_done', 7, 24]] },
  {
    rule: 'V-CF1',
    bad: [
      ['error', 'forever', 6, 18],
      ['warning', 'never_exits', 14, 24],
    ],
  },
]);

describe('V-CF1 and profiles', () => {
  const capped = [
    'steps:',
    '  - kind: loop',
    '    name: guarded',
    '    loop:',
    '      max_loops: 2000',
    '      exit_expression: "previous_step == \'ok\'"',
    '      body: [{ kind: step, name: work }]',
  ].join('\n');

  it('accepts a huge cap with a real exit in studio, as Flujo does not', () => {
    expect(ruleFindingsIn(capped, 'V-CF1', 'studio')).toEqual([]);
    const [finding] = ruleFindingsIn(capped, 'V-CF1', 'flujo');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('2000 iterations');
  });
});
