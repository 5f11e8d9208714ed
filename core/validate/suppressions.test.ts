import { describe, expect, it } from 'vitest';

import { parsePipelineYaml } from '../yaml';
import type { RuleDefinition } from './ruleDefinition';
import { BOTH_PROFILES } from './ruleDefinition';
import { validatePipeline } from './validatePipeline';

/** Reports every step under two ids, so a suppression's reach is visible. */
const everyStep: readonly RuleDefinition[] = ['V-T1', 'V-P3'].map((id) => ({
  id,
  profiles: BOTH_PROFILES,
  severity: 'warning',
  description: `Test rule ${id}.`,
  check(context) {
    for (const visit of context.steps) context.report({ step: visit, message: 'found' });
  },
}));

function reported(text: string, options = {}) {
  const { pipeline } = parsePipelineYaml(text);
  if (!pipeline) throw new Error('did not load');
  return validatePipeline(pipeline, { text, ...options }, everyStep).map(
    (d) => `${d.code} ${d.stepName ?? ''}`,
  );
}

describe('meta.suppress_rules', () => {
  it('suppresses matching rules (globs, any case) on the step and the steps nested in it', () => {
    const text = [
      'steps:',
      '  - kind: loop',
      '    name: outer',
      '    meta: { suppress_rules: ["v-t*"] }',
      '    loop:',
      '      body:',
      '        - kind: step',
      '          name: inner',
      '  - kind: step',
      '    name: other',
    ].join('\n');
    expect(reported(text)).toEqual(['V-P3 outer', 'V-P3 inner', 'V-P3 other', 'V-T1 other']);
  });
});

describe('# flujo: ignore comments', () => {
  it('suppress the listed rules of the step whose mapping holds the comment, and its children', () => {
    const text = [
      'steps:',
      '  - kind: conditional',
      '    name: route   # flujo: ignore V-T1, V-P?',
      '    branches:',
      '      a:',
      '        - kind: step',
      '          name: nested',
      '  - kind: step',
      '    name: second',
      '    input: "x"  # flujo: ignore v-p3',
      '  - { kind: step, name: third }  # FLUJO: ignore V-T1',
    ].join('\n');
    expect(reported(text)).toEqual(['V-T1 second', 'V-P3 third']);
  });

  it('leave other steps alone: a comment in a child does not suppress its container', () => {
    const text = [
      'steps:',
      '  - kind: loop',
      '    name: outer',
      '    loop:',
      '      body:',
      '        - kind: step',
      '          name: inner  # flujo: ignore *',
    ].join('\n');
    expect(reported(text)).toEqual(['V-P3 outer', 'V-T1 outer']);
  });

  it('ignore the text inside a quoted scalar and need the YAML text', () => {
    const text = [
      'steps:',
      '  - kind: step',
      '    name: quoted',
      '    input: "say # flujo: ignore V-T1"',
    ].join('\n');
    expect(reported(text)).toEqual(['V-P3 quoted', 'V-T1 quoted']);
    const commented = text.replace('"say # flujo: ignore V-T1"', 'hi # flujo: ignore V-T1');
    expect(reported(commented)).toEqual(['V-P3 quoted']);
    const { pipeline } = parsePipelineYaml(commented);
    if (!pipeline) throw new Error('did not load');
    expect(validatePipeline(pipeline, {}, everyStep)).toHaveLength(2);
  });
});

describe('rules overrides', () => {
  it('apply after the defaults: off drops, a severity replaces, an exact id beats a glob', () => {
    const text = 'steps:\n  - { kind: step, name: only }\n';
    const { pipeline } = parsePipelineYaml(text);
    if (!pipeline) throw new Error('did not load');
    const found = validatePipeline(
      pipeline,
      { rules: { 'V-*': 'off', 'v-t1': 'error' } },
      everyStep,
    );
    expect(found.map((d) => [d.code, d.severity])).toEqual([['V-T1', 'error']]);
  });
});
