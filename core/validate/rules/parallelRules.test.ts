import { describeFixtureCases } from '../__fixtures__/fixtureTable';

describeFixtureCases('parallel rules', [
  {
    rule: 'V-P1',
    bad: [['error', 'fan', 8, 10]],
    // Flujo also rejects `context_include_keys` with `context_update`.
    flujoBad: [
      ['error', 'fan', 5, 27],
      ['error', 'fan', 8, 10],
    ],
  },
  { rule: 'V-P1-W', bad: [['warning', 'fan', 6, 7]] },
  { rule: 'V-P2', bad: [['warning', 'fan', 3, 5]] },
  { rule: 'V-P3', bad: [['warning', 'fan', 3, 5]] },
  { rule: 'V-P-SCRATCHPAD', bad: [['error', 'fan', 6, 27]] },
]);
