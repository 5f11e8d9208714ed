import { describe, expect, it } from 'vitest';

import type { Pipeline } from '../../model';
import { printPipelineYaml } from '../../yaml';
import { lineChanges } from '../../yaml/__fixtures__/testSupport';
import type { LoadedFixture } from '../__fixtures__/ruleFixtureFindings';
import { loadRuleFixture } from '../__fixtures__/ruleFixtureFindings';
import { validatePipeline } from '../validatePipeline';
import type { ValidationDiagnostic } from '../validationTypes';

function findingOf(pipeline: Pipeline, rule: string, step: string): ValidationDiagnostic {
  const found = validatePipeline(pipeline).find((d) => d.code === rule && d.stepName === step);
  if (!found) throw new Error(`no ${rule} on ${step}`);
  return found;
}

/** Applies the only fix of `rule` on `step`, checks the finding is gone, returns the line diff. */
function applyFix(fixture: LoadedFixture, rule: string, step: string) {
  const finding = findingOf(fixture.pipeline, rule, step);
  expect(finding.fixes).toHaveLength(1);
  const result = finding.fixes?.[0]?.apply(fixture.pipeline);
  if (!result?.ok) throw new Error(result?.reason ?? 'no fix');
  const after = validatePipeline(result.pipeline).filter(
    (d) => d.code === rule && d.stepName === step,
  );
  expect(after).toEqual([]);
  const printed = printPipelineYaml(fixture.document, result.pipeline);
  return { title: finding.fixes?.[0]?.title, ...lineChanges(fixture.text, printed) };
}

describe('quick fixes', () => {
  it('V-T1 rewrites `previous_step.output` to `previous_step | tojson` on that line only', () => {
    const change = applyFix(loadRuleFixture('V-T1', 'bad'), 'V-T1', 'summarize');
    expect(change.title).toBe('Write `previous_step | tojson`');
    expect(change.removed).toEqual(['    input: "Summary of {{ previous_step.output }}"']);
    expect(change.added).toEqual(['    input: "Summary of {{ previous_step | tojson }}"']);
  });

  it('V-T3 replaces a misspelt filter in a quoted scalar', () => {
    const change = applyFix(loadRuleFixture('V-T3', 'bad'), 'V-T3', 'dump');
    expect(change.removed).toEqual(['    input: "Data: {{ previous_step | to_json }}"']);
    expect(change.added).toEqual(['    input: "Data: {{ previous_step | tojson }}"']);
  });

  it('V-T3 replaces a misspelt filter inside a block scalar, keeping the block', () => {
    const change = applyFix(loadRuleFixture('V-T3', 'bad'), 'V-T3', 'shout');
    expect(change.removed).toEqual(['      {{ context.name | lowercase }}']);
    expect(change.added).toEqual(['      {{ context.name | lower }}']);
  });

  it('V-T3 offers no fix when no filter is close', () => {
    const fixture = loadRuleFixture('V-T3', 'bad');
    expect(findingOf(fixture.pipeline, 'V-T3', 'odd').fixes).toBeUndefined();
  });

  it('EXPR-WRAPPED strips the `{{ }}` and keeps the comment above', () => {
    const change = applyFix(loadRuleFixture('EXPR-WRAPPED', 'bad'), 'EXPR-WRAPPED', 'route');
    expect(change.removed).toEqual(['    condition_expression: "{{ previous_step.ok }}"']);
    expect(change.added).toEqual(['    condition_expression: "previous_step.ok"']);
  });

  it('refuses to apply a fix to a field that changed since validation', () => {
    const fixture = loadRuleFixture('V-T1', 'bad');
    const fix = findingOf(fixture.pipeline, 'V-T1', 'summarize').fixes?.[0];
    const first = fix?.apply(fixture.pipeline);
    if (!first?.ok) throw new Error('first application failed');
    const second = fix?.apply(first.pipeline);
    expect(second?.ok).toBe(false);
  });
});
