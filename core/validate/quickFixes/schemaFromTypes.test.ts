import { describe, expect, it } from 'vitest';

import { printPipelineYaml } from '../../yaml';
import { lineChanges } from '../../yaml/__fixtures__/testSupport';
import type { LoadedFixture } from '../__fixtures__/ruleFixtureFindings';
import { loadPipelineText, loadRuleFixture } from '../__fixtures__/ruleFixtureFindings';
import { validatePipeline } from '../validatePipeline';

function strictFinding(fixture: LoadedFixture, step: string) {
  return validatePipeline(fixture.pipeline, { profile: 'flujo' }).find(
    (d) => d.code === 'V-A2-STRICT' && d.stepName === step,
  );
}

function applyFix(fixture: LoadedFixture, step: string) {
  const fix = strictFinding(fixture, step)?.fixes?.[0];
  if (!fix) throw new Error(`no quick fix on ${step}`);
  const result = fix.apply(fixture.pipeline);
  if (!result.ok) throw new Error(result.reason);
  const printed = printPipelineYaml(fixture.document, result.pipeline);
  return { fix, printed, ...lineChanges(fixture.text, printed) };
}

describe('quick fix: add input_schema/output_schema from inferred types', () => {
  it('removes V-A2-STRICT from the step and writes only the two schemas', () => {
    const fixture = loadRuleFixture('V-A2-STRICT', 'bad');
    const { fix, printed, removed, added } = applyFix(fixture, 'echo');
    expect(fix.title).toBe(
      'Add input_schema to "echo" and output_schema to "start" from inferred types',
    );
    expect(removed).toEqual([]);
    expect(added).toEqual([
      '    output_schema:',
      '      type: string',
      '    input_schema:',
      '      type: string',
    ]);
    const revalidated = loadPipelineText(printed);
    expect(strictFinding(revalidated, 'echo')).toBeUndefined();
    const typeCheck = validatePipeline(revalidated.pipeline, { profile: 'flujo' }).filter(
      (d) => d.code === 'V-A2-TYPE' && d.stepName === 'echo',
    );
    expect(typeCheck).toEqual([]);
  });

  it('fixes a step inside a conditional branch in place', () => {
    const fixture = loadRuleFixture('V-A2-STRICT', 'bad');
    const { printed, removed, added } = applyFix(fixture, 'branch_second');
    expect(removed).toEqual([]);
    expect(added).toEqual([
      '          output_schema:',
      '            type: string',
      '          input_schema:',
      '            type: string',
    ]);
    expect(strictFinding(loadPipelineText(printed), 'branch_second')).toBeUndefined();
  });

  it('writes an object schema when the previous step outputs an object', () => {
    const yaml = [
      'agents:',
      '  writer:',
      '    model: openai:gpt-4o',
      '    system_prompt: Write.',
      '    output_schema:',
      '      type: object',
      '      properties:',
      '        text: { type: string }',
      '      required: [text]',
      'steps:',
      '  - name: write',
      '    uses: agents.writer',
      '  - name: publish',
      '',
    ].join('\n');
    const fixture = loadPipelineText(yaml);
    const { printed, added } = applyFix(fixture, 'publish');
    expect(added).toEqual([
      '    input_schema:',
      '      type: object',
      '      properties:',
      '        text:',
      '          type: string',
      '      required: [text]',
    ]);
    const revalidated = validatePipeline(loadPipelineText(printed).pipeline, { profile: 'flujo' });
    expect(revalidated.filter((d) => d.code.startsWith('V-A2'))).toEqual([]);
  });

  it('is not offered when nothing concrete is inferred', () => {
    const yaml = ['steps:', '  - name: a', '  - name: b'].join('\n');
    const finding = strictFinding(loadPipelineText(yaml), 'b');
    expect(finding).toBeDefined();
    expect(finding?.fixes).toBeUndefined();
  });

  it('refuses to apply to a pipeline where the step changed', () => {
    const fixture = loadRuleFixture('V-A2-STRICT', 'bad');
    const fix = strictFinding(fixture, 'echo')?.fixes?.[0];
    const edited = loadPipelineText(fixture.text.replace('name: echo', 'name: renamed'));
    expect(fix?.apply(edited.pipeline).ok).toBe(false);
  });
});
