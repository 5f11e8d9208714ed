import { describe, expect, it } from 'vitest';
import { allKinds, allKindsPaths } from './__fixtures__/allKinds';
import { resolveSlot, resolveStep } from './resolveStep';
import type { StepVisit } from './walkSteps';
import { listSteps, walkSteps } from './walkSteps';

describe('walkSteps', () => {
  it('visits every step of every kind in document order, fallbacks and wrapped steps included', () => {
    expect(listSteps(allKinds).map(({ path, step }) => [path, step.name])).toEqual(allKindsPaths);
  });

  it('reports parent, depth and the container chain with the slot taken', () => {
    const visits = new Map<string, StepVisit>();
    walkSteps(allKinds, (visit) => {
      visits.set(visit.path, visit);
    });
    const ask = visits.get('steps[1].branches["my key"][0]');
    expect(ask?.parentPath).toBe('steps[1]');
    expect(ask?.depth).toBe(1);
    expect(ask?.segment).toEqual({ slot: 'branches', key: 'my key', index: 0 });
    expect(ask?.ancestors.map((a) => [a.path, a.step.name, a.via])).toEqual([
      ['steps[1]', 'fan', { slot: 'branches', key: 'my key' }],
    ]);
    const top = visits.get('steps[0]');
    expect(top?.parentPath).toBeUndefined();
    expect(top?.depth).toBe(0);
    expect(top?.ancestors).toEqual([]);
    expect(visits.get('steps[0].fallback')?.ancestors[0]?.via).toEqual({ slot: 'fallback' });
  });

  it("does not descend into a step whose visit returns 'skip'", () => {
    const seen: string[] = [];
    walkSteps(allKinds, ({ path, step }) => {
      seen.push(path);
      return step.kind === 'step' ? undefined : 'skip';
    });
    expect(seen).toContain('steps[0].fallback');
    expect(seen).not.toContain('steps[4].map.body[0]');
    expect(seen).toContain('steps[11]');
  });
});

describe('resolveStep', () => {
  it.each(allKindsPaths)('resolves %s to %s', (path, name) => {
    expect(resolveStep(allKinds, path)?.name).toBe(name);
  });

  it.each([
    'steps[12]',
    'steps[0].loop.body[0]',
    'steps[1].branches.b[0]',
    'steps[1].branches.a[1]',
    'steps[6].fallback',
    'steps[1].wrapped_step',
    'steps[2].router.branches.yes[0]',
    'garbage',
  ])('gives undefined for %s', (path) => {
    expect(resolveStep(allKinds, path)).toBeUndefined();
  });

  it('resolves container slots, an absent default branch being empty', () => {
    expect(resolveSlot(allKinds, { owner: 'root', slot: 'steps' })).toBe(allKinds.steps);
    expect(
      resolveSlot(allKinds, { owner: 'steps[4]', slot: 'map.body' })?.map((s) => s.name),
    ).toEqual(['map_a', 'map_b']);
    expect(resolveSlot(allKinds, { owner: 'steps[7]', slot: 'states', key: 'idle' })).toEqual([]);
    expect(
      resolveSlot(allKinds, { owner: 'steps[7]', slot: 'states', key: 'nope' }),
    ).toBeUndefined();
    expect(resolveSlot(allKinds, { owner: 'steps[4]', slot: 'loop.body' })).toBeUndefined();
  });
});
