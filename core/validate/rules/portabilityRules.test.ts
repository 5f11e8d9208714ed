import { describeFixtureCases } from '../__fixtures__/fixtureTable';

// Every portability rule runs in the `flujo` profile only: the table checks they are silent in
// `studio` on their bad fixtures.
describeFixtureCases('portability rules', [
  { rule: 'PORT-PARAMS', bad: [['warning', 'welcome', 8, 9]] },
  { rule: 'PORT-INPUT-IGNORED', bad: [['warning', 'approve', 6, 12]] },
  { rule: 'PORT-IMPORT-OPTIONS', bad: [['warning', 'run_child', 8, 5]] },
  {
    rule: 'PORT-FIELD-IGNORED',
    bad: [
      ['warning', 'refine', 5, 5],
      ['warning', 'refine', 6, 5],
    ],
  },
  { rule: 'PORT-USAGE-LIMITS', bad: [['warning', 'draft', 5, 5]] },
  { rule: 'PORT-AGENT-REF', bad: [['warning', 'draft', 13, 12]] },
  { rule: 'PORT-CACHE-NAME', bad: [['info', 'cached_lookup', 4, 11]] },
  { rule: 'PORT-ALLOWLIST', bad: [['warning', 'route', 5, 16]] },
  { rule: 'PORT-DEFAULT-BRANCH', bad: [['warning', 'route', 7, 5]] },
  { rule: 'PORT-ITERABLE-PATH', bad: [['warning', 'each', 6, 23]] },
  {
    rule: 'PORT-LOOP-IGNORED',
    bad: [
      ['warning', 'chat', 8, 7],
      ['warning', 'chat', 10, 9],
      ['warning', 'chat', 12, 7],
      ['warning', 'chat', 13, 7],
    ],
  },
  { rule: 'PORT-LOOP-NO-EXIT', bad: [['warning', 'thrice', 6, 7]] },
  { rule: 'PORT-AGENTS-PATH', bad: [['warning', 'route', 14, 21]] },
  { rule: 'PORT-TEMPLATE-SKIPPED', bad: [['warning', 'dump', 5, 12]] },
  { rule: 'PORT-MAP-THIS', bad: [['warning', 'per_item', 10, 27]] },
  {
    rule: 'PORT-STEPS-READ',
    bad: [
      ['warning', 'report', 13, 24],
      ['warning', 'report', 13, 51],
      ['warning', 'route', 16, 28],
    ],
  },
  { rule: 'PORT-INPUT-TEMPLATES', bad: [['warning', 'remember', 8, 14]] },
]);
