import { describe, expect, it } from 'vitest';

import type { RuleFixtureCase } from '../__fixtures__/describeRuleFixtures';
import { describeRuleFixtures } from '../__fixtures__/describeRuleFixtures';
import type { FindingSummary } from '../__fixtures__/ruleFixtureFindings';
import { fixtureFindings, ruleFindingsIn } from '../__fixtures__/ruleFixtureFindings';

const error = (step: string, line: number, column: number, code: string): FindingSummary => ({
  code,
  severity: 'error',
  step,
  line,
  column,
});

const cases: readonly RuleFixtureCase[] = [
  {
    rule: 'V-A2',
    flujoOnly: false,
    bad: [error('shout', 6, 5, 'V-A2'), error('needs_object', 11, 12, 'V-A2')],
  },
  {
    rule: 'V-A2-STRICT',
    flujoOnly: true,
    bad: [
      error('echo', 5, 5, 'V-A2-STRICT'),
      error('repeat', 6, 5, 'V-A2-STRICT'),
      error('route', 15, 5, 'V-A2-STRICT'),
      error('branch_second', 20, 11, 'V-A2-STRICT'),
    ],
  },
  {
    rule: 'V-A2-TYPE',
    flujoOnly: true,
    bad: [error('consume', 6, 19, 'V-A2-TYPE'), error('typed_after_untyped', 9, 19, 'V-A2-TYPE')],
  },
  {
    rule: 'V-F1',
    flujoOnly: true,
    bad: [error('fetch', 5, 7, 'V-F1'), error('typed', 9, 7, 'V-F1')],
  },
];

describeRuleFixtures(cases);

describe('V-A2 messages', () => {
  it('names both steps and both concrete types', () => {
    const [finding] = fixtureFindings('V-A2', 'bad', 'studio');
    expect(finding?.message).toContain('"shout" accepts string');
    expect(finding?.message).toContain('previous step "count_rows" outputs number');
  });

  it('says when a templated input is what renders the string', () => {
    const [, finding] = fixtureFindings('V-A2', 'bad', 'studio');
    expect(finding?.message).toContain('templated `input:` always renders to a string');
    expect(finding?.message).toContain('object{rows: array<any>}');
  });

  it('checks a cached step against the step before its cache', () => {
    const yaml = [
      'steps:',
      '  - name: count',
      '    agent: { id: flujo.builtins.aggregate }',
      '    input: { data: [], operation: count }',
      '  - kind: cache',
      '    name: cached',
      '    wrapped_step:',
      '      name: wants_text',
      '      input_schema: { type: string }',
    ].join('\n');
    expect(ruleFindingsIn(yaml, 'V-A2', 'studio').map((d) => d.stepName)).toEqual(['wants_text']);
  });

  it('does not compare a step with a literal input of the right type', () => {
    const yaml = [
      'steps:',
      '  - name: count',
      '    agent: { id: flujo.builtins.aggregate }',
      '    input: { data: [], operation: count }',
      '  - name: literal',
      '    input: hello',
      '    input_schema: { type: string }',
    ].join('\n');
    expect(ruleFindingsIn(yaml, 'V-A2', 'studio')).toEqual([]);
  });
});

describe('V-A2-STRICT scope', () => {
  it('offers the schema quick fix on plain steps only', () => {
    const findings = fixtureFindings('V-A2-STRICT', 'bad', 'flujo');
    const withFix = findings.filter((d) => d.fixes?.length).map((d) => d.stepName);
    expect(withFix).toEqual(['echo', 'branch_second']);
  });

  it('explains that other kinds cannot declare their input type in YAML', () => {
    const repeat = fixtureFindings('V-A2-STRICT', 'bad', 'flujo').find(
      (d) => d.stepName === 'repeat',
    );
    expect(repeat?.message).toContain('only on `kind: step`');
  });

  it('never throws on partial models', () => {
    const yaml = ['steps:', '  - kind: loop', '    name: l', '  - kind: map', '    name: m'].join(
      '\n',
    );
    expect(() => ruleFindingsIn(yaml, 'V-A2-STRICT', 'flujo')).not.toThrow();
  });
});
