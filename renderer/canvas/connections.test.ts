import { describe, expect, it } from 'vitest';
import { interpretConnection, interpretReconnect } from './connections';
import { loopAndParallel, threeSteps } from './__fixtures__/pipelines';

function reasonFor(source: string, target: string): string {
  const outcome = interpretConnection(loopAndParallel, source, target, []);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.reason;
}

describe('connections', () => {
  it('refuses a fork and suggests a Parallel', () => {
    expect(reasonFor('steps[0]', 'steps[3]')).toMatch(/fork.*Parallel/);
  });

  it('refuses a cycle and suggests a Loop', () => {
    expect(reasonFor('steps[3]', 'steps[0]')).toMatch(/cycle.*Loop/);
  });

  it('refuses a connection across containers', () => {
    expect(reasonFor('steps[0]', 'steps[1].loop.body[0]')).toMatch(/different pipelines/);
  });

  it('refuses a connection to itself', () => {
    expect(reasonFor('steps[0]', 'steps[0]')).toMatch(/itself/);
  });

  it('connects the last step to a loose step by appending it', () => {
    const loose = [{ id: 'x', kind: 'step' as const, name: 'later', position: { x: 0, y: 0 } }];
    const outcome = interpretConnection(threeSteps, 'steps[2]', 'loose:x', loose);
    if (!outcome.ok) throw new Error(outcome.reason);
    const result = outcome.edit(threeSteps);
    expect(result.ok && result.pipeline.steps.map((s) => s.name)).toEqual([
      'one',
      'two',
      'three',
      'later',
    ]);
  });

  it('reorders when an edge is reconnected', () => {
    // one → two, target end dragged to three: three comes right after one.
    const outcome = interpretReconnect(
      { source: 'steps[0]', target: 'steps[1]' },
      { source: 'steps[0]', target: 'steps[2]' },
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    const result = outcome.edit(threeSteps);
    expect(result.ok && result.pipeline.steps.map((s) => s.name)).toEqual(['one', 'three', 'two']);
  });
});
