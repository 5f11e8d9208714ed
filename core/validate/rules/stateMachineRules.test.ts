import { describe, expect, it } from 'vitest';

import { describeFixtureCases } from '../__fixtures__/fixtureTable';
import { ruleFindingsIn } from '../__fixtures__/ruleFixtureFindings';

describeFixtureCases('state machine rules', [
  {
    rule: 'V-SM1',
    bad: [
      ['error', 'broken_start', 5, 18],
      ['warning', 'flow', 11, 17],
      ['warning', 'flow', 15, 15],
      ['warning', 'flow', 18, 17],
      ['error', 'flow', 19, 42],
    ],
  },
]);

describe('V-SM1 reachability', () => {
  it('does not guess when a state step can pick `next_state` itself', () => {
    const yaml = [
      'steps:',
      '  - kind: StateMachine',
      '    name: dynamic',
      '    start_state: a',
      '    end_states: [done]',
      '    states:',
      '      a: { kind: step, name: pick, sink_to: next_state }',
      '      b: { steps: [] }',
      '    transitions:',
      '      - { from: b, on: success, to: done }',
    ].join('\n');
    expect(ruleFindingsIn(yaml, 'V-SM1', 'studio')).toEqual([]);
  });
});
