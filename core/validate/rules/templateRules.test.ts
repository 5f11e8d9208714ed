import { describeFixtureCases } from '../__fixtures__/fixtureTable';

describeFixtureCases('template rules', [
  {
    rule: 'TEMPLATE-SYNTAX',
    bad: [
      ['error', 'greet', 5, 19],
      ['error', 'ask', 8, 15],
    ],
  },
  { rule: 'TEMPLATE-001', bad: [['error', 'listing', 5, 13]] },
  {
    rule: 'V-T3',
    bad: [
      ['error', 'dump', 5, 38],
      ['error', 'shout', 8, 12],
      ['error', 'odd', 12, 31],
    ],
    // `flujo validate` only warns about unknown filters.
    flujoBad: [
      ['warning', 'dump', 5, 38],
      ['warning', 'shout', 8, 12],
      ['warning', 'odd', 12, 31],
    ],
  },
  {
    rule: 'EXPR-SYNTAX',
    bad: [
      ['error', 'route', 5, 42],
      ['error', 'retry', 12, 25],
    ],
  },
  { rule: 'EXPR-WRAPPED', bad: [['error', 'route', 6, 28]] },
  { rule: 'V-T1', bad: [['warning', 'summarize', 8, 27]] },
  { rule: 'V-T2', bad: [['warning', 'show', 5, 22]] },
  {
    rule: 'V-T4',
    bad: [
      ['warning', 'early', 5, 16],
      ['warning', 'typo', 10, 16],
      ['warning', 'right', 18, 20],
    ],
  },
  { rule: 'V-T5', bad: [['warning', 'write', 12, 28]] },
  { rule: 'V-T6', bad: [['warning', 'structured', 11, 12]] },
  { rule: 'LOOP-001', bad: [['warning', 'review', 13, 29]] },
]);
