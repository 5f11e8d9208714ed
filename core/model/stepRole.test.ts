import { describe, expect, it } from 'vitest';
import { plain } from './__fixtures__/allKinds';
import type { StepBase } from './stepNode';
import type { StepRole } from './stepRole';
import { classifyStep } from './stepRole';

describe('classifyStep', () => {
  it.each<[Partial<StepBase>, StepRole]>([
    [{}, { role: 'passthrough' }],
    [{ uses: '  ' }, { role: 'passthrough' }],
    [
      { agent: { id: 'flujo.builtins.stringify', extra: {} } },
      { role: 'builtin', id: 'flujo.builtins.stringify', name: 'stringify', source: 'agent' },
    ],
    [
      { agent: 'flujo.builtins:to_csv' },
      { role: 'builtin', id: 'flujo.builtins.to_csv', name: 'to_csv', source: 'agent' },
    ],
    [
      { uses: 'flujo.builtins.passthrough' },
      { role: 'builtin', id: 'flujo.builtins.passthrough', name: 'passthrough', source: 'uses' },
    ],
    [{ uses: 'agents.writer' }, { role: 'declared-agent', agentName: 'writer', source: 'uses' }],
    [{ uses: 'imports.child' }, { role: 'import', alias: 'child', source: 'uses' }],
    [
      { uses: 'skills.text:shout' },
      { role: 'skill', importPath: 'skills.text:shout', source: 'uses' },
    ],
    [
      { agent: { path: 'skills.text:shout', extra: {} } },
      { role: 'skill', importPath: 'skills.text:shout', source: 'agent' },
    ],
    [{ uses: 'pkg.mod:fn' }, { role: 'python', importPath: 'pkg.mod:fn', source: 'uses' }],
    [
      { agent: { id: 'my.registry.thing', extra: {} } },
      { role: 'python', importPath: 'my.registry.thing', source: 'agent' },
    ],
    [
      { uses: 'agents.writer', agent: 'flujo.builtins.stringify' },
      { role: 'declared-agent', agentName: 'writer', source: 'uses' },
    ],
  ])('classifies %j', (fields, role) => {
    expect(classifyStep(plain('s', fields))).toEqual(role);
  });
});
