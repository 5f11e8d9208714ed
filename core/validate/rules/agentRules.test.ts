import { describeFixtureCases } from '../__fixtures__/fixtureTable';

describeFixtureCases('agent rules', [
  { rule: 'V-A1', bad: [['warning', 'nothing', 5, 11]] },
  { rule: 'V-A3', bad: [['warning', 'draft', 6, 11]] },
  { rule: 'V-A5', bad: [['warning', 'draft', 11, 5]] },
  {
    rule: 'V-A6',
    bad: [
      ['error', 'typo_builtin', 13, 18],
      ['error', 'missing_agent', 16, 11],
      ['error', 'missing_import', 19, 11],
      ['error', 'bad_reference', 22, 11],
    ],
  },
  {
    rule: 'V-A7',
    bad: [
      ['warning', undefined, 7, 14],
      ['warning', undefined, 8, 18],
    ],
  },
  { rule: 'V-A8', bad: [['warning', 'draft', 13, 11]] },
  {
    rule: 'V-S1',
    bad: [
      ['warning', undefined, 7, 13],
      ['warning', undefined, 8, 17],
      ['warning', 'draft', 16, 15],
    ],
  },
  { rule: 'V-S2', bad: [['warning', 'flatten_text', 16, 12]] },
  { rule: 'V-S3', bad: [['warning', 'draft', 10, 11]] },
  { rule: 'V-EX1', bad: [['warning', 'summarize', 5, 11]] },
  {
    rule: 'PY-LOCAL',
    bad: [
      ['warning', 'summarize', 5, 11],
      ['warning', 'route', 8, 16],
    ],
  },
]);
