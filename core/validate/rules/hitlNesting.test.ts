import { describe, expect, it } from 'vitest';
import { parsePipelineYaml } from '../../yaml';
import { validatePipeline } from '../validatePipeline';

function findings(yaml: string) {
  const { pipeline } = parsePipelineYaml(yaml);
  if (!pipeline) throw new Error('fixture did not load');
  return validatePipeline(pipeline)
    .filter((d) => d.code === 'HITL-NESTED-001')
    .map((d) => ({
      step: d.stepName,
      path: d.path,
      line: d.range?.start.line,
      severity: d.severity,
    }));
}

describe('HITL-NESTED-001', () => {
  it('flags a hitl in a conditional inside a loop body, with its position', () => {
    const yaml = [
      'steps:',
      '  - kind: loop',
      '    name: review',
      '    loop:',
      '      body:',
      '        - kind: conditional',
      '          name: route',
      '          branches:',
      '            ask:',
      '              - kind: hitl',
      '                name: approve',
    ].join('\n');
    expect(findings(yaml)).toEqual([
      {
        step: 'approve',
        path: 'steps[0].loop.body[0].branches.ask[0]',
        line: 10,
        severity: 'error',
      },
    ]);
  });

  it('flags it at any depth and in default branches, parallels and routers inside a map', () => {
    const yaml = [
      'steps:',
      '  - kind: map',
      '    name: each',
      '    map:',
      '      iterable_input: items',
      '      body:',
      '        - kind: parallel',
      '          name: fan',
      '          branches:',
      '            a:',
      '              - kind: conditional',
      '                name: inner',
      '                branches: { x: { kind: step, name: noop } }',
      '                default_branch:',
      '                  - kind: hitl',
      '                    name: deep',
    ].join('\n');
    expect(findings(yaml).map((f) => f.path)).toEqual([
      'steps[0].map.body[0].branches.a[0].default_branch[0]',
    ]);
  });

  it('accepts a hitl directly in a loop body, in a top-level conditional, or in a loop inside a branch', () => {
    const yaml = [
      'steps:',
      '  - kind: loop',
      '    name: l',
      '    loop: { body: [ { kind: hitl, name: in_body } ] }',
      '  - kind: conditional',
      '    name: c',
      '    branches:',
      '      a:',
      '        - kind: hitl',
      '          name: in_branch',
      '        - kind: loop',
      '          name: inner_loop',
      '          loop: { body: [ { kind: hitl, name: in_inner_body } ] }',
    ].join('\n');
    expect(findings(yaml)).toEqual([]);
  });
});
