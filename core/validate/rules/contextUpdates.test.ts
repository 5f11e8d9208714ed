import { describe, expect, it } from 'vitest';

import { printPipelineYaml } from '../../yaml';
import { lineChanges } from '../../yaml/__fixtures__/testSupport';
import type { RuleFixtureCase } from '../__fixtures__/describeRuleFixtures';
import { describeRuleFixtures } from '../__fixtures__/describeRuleFixtures';
import type { FindingSummary } from '../__fixtures__/ruleFixtureFindings';
import {
  fixtureFindings,
  loadPipelineText,
  loadRuleFixture,
  ruleFindingsIn,
} from '../__fixtures__/ruleFixtureFindings';
import { validatePipeline } from '../validatePipeline';

const finding = (
  code: string,
  severity: string,
  step: string,
  line: number,
  column: number,
): FindingSummary => ({ code, severity, step, line, column });

const cases: readonly RuleFixtureCase[] = [
  {
    rule: 'CTX-OUTPUT-KEYS',
    flujoOnly: true,
    bad: [
      finding('CTX-OUTPUT-KEYS', 'error', 'merge_result', 6, 22),
      finding('CTX-OUTPUT-KEYS', 'error', 'run_child', 9, 22),
    ],
  },
  {
    rule: 'CTX-SCRATCHPAD',
    flujoOnly: false,
    bad: [
      finding('CTX-SCRATCHPAD', 'error', 'note', 4, 14),
      finding('CTX-SCRATCHPAD', 'error', 'keys', 6, 19),
      finding('CTX-SCRATCHPAD', 'error', 'repeat', 13, 21),
    ],
  },
  {
    rule: 'V-C1',
    flujoOnly: true,
    bad: [
      finding('V-C1', 'error', 'untyped_merge', 6, 22),
      finding('V-C1', 'warning', 'run_child', 11, 22),
      finding('V-C1', 'warning', 'model_merge', 17, 22),
    ],
  },
  {
    rule: 'V-C2',
    flujoOnly: false,
    bad: [
      finding('V-C2', 'error', 'run_child', 11, 19),
      finding('V-C2', 'error', 'run_child_map', 18, 16),
    ],
  },
  {
    rule: 'V-C3',
    flujoOnly: false,
    bad: [finding('V-C3', 'warning', 'huge_prompt', 4, 12)],
  },
];

describeRuleFixtures(cases);

describe('context update messages', () => {
  it('CTX-OUTPUT-KEYS says what Flujo does and what to add', () => {
    const [first] = fixtureFindings('CTX-OUTPUT-KEYS', 'bad', 'flujo');
    expect(first?.message).toContain('`updates_context: true` needs `sink_to`');
    expect(first?.message).toContain('Add `sink_to: <context key>`');
  });

  it('CTX-SCRATCHPAD names the key and how it is written', () => {
    const [note] = fixtureFindings('CTX-SCRATCHPAD', 'bad', 'studio');
    expect(note?.message).toContain('writes context.scratchpad.notes (through sink_to)');
  });

  it('CTX-SCRATCHPAD covers keys merged from an object output', () => {
    const yaml = [
      'steps:',
      '  - name: merge',
      '    updates_context: true',
      '    output_schema: { type: object, properties: { scratchpad: { type: object } } }',
    ].join('\n');
    expect(ruleFindingsIn(yaml, 'CTX-SCRATCHPAD', 'studio').map((d) => d.stepName)).toEqual([
      'merge',
    ]);
  });

  it('V-C3 gives the length of the template', () => {
    const [huge] = fixtureFindings('V-C3', 'bad', 'studio');
    expect(huge?.message).toContain('50,020 characters');
  });
});

describe('quick fix for V-C2', () => {
  it.each(['run_child', 'run_child_map'])('points %s at import_artifacts.value', (step) => {
    const fixture = loadRuleFixture('V-C2', 'bad');
    const diagnostic = validatePipeline(fixture.pipeline).find(
      (d) => d.code === 'V-C2' && d.stepName === step,
    );
    const fix = diagnostic?.fixes?.[0];
    expect(fix?.title).toBe('Map to `import_artifacts.value` instead of `scratchpad`');
    const result = fix?.apply(fixture.pipeline);
    if (!result?.ok) throw new Error('the fix did not apply');
    const printed = printPipelineYaml(fixture.document, result.pipeline);
    const changes = lineChanges(fixture.text, printed);
    expect(changes).toEqual(
      step === 'run_child'
        ? {
            removed: ['          parent: scratchpad # keep this comment'],
            added: ['          parent: import_artifacts.value # keep this comment'],
          }
        : {
            removed: ['        notes: scratchpad'],
            added: ['        notes: import_artifacts.value'],
          },
    );
    const after = validatePipeline(loadPipelineText(printed).pipeline);
    expect(after.filter((d) => d.code === 'V-C2' && d.stepName === step)).toEqual([]);
  });

  it('fails cleanly when the mapping is already gone', () => {
    const fixture = loadRuleFixture('V-C2', 'bad');
    const fix = validatePipeline(fixture.pipeline).find((d) => d.code === 'V-C2')?.fixes?.[0];
    const fixed = fix?.apply(fixture.pipeline);
    if (!fixed?.ok) throw new Error('the fix did not apply');
    expect(fix?.apply(fixed.pipeline).ok).toBe(false);
  });
});
