import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allKinds, allKindsPaths } from './__fixtures__/allKinds';
import { failureReason, namesIn, okPipeline, stepAt, topNames } from './__fixtures__/expectEdit';
import { ROOT_SLOT, slotOf } from './containerSlot';
import { moveStep } from './moveStep';
import type { Pipeline } from './pipeline';
import { listSteps } from './walkSteps';

const TOP = topNames(allKinds);

describe('moveStep within one list', () => {
  it('moves forward: the index is a drop position in the list before the move', () => {
    const result = okPipeline(moveStep(allKinds, 'steps[0]', ROOT_SLOT, 3));
    expect(topNames(result).slice(0, 4)).toEqual(['fan', 'route', 'start', 'repeat']);
    expect(result.steps[2]).toBe(allKinds.steps[0]);
  });

  it('moves backward and to the end', () => {
    const back = okPipeline(moveStep(allKinds, 'steps[3]', ROOT_SLOT, 0));
    expect(topNames(back).slice(0, 4)).toEqual(['repeat', 'start', 'fan', 'route']);
    const end = okPipeline(moveStep(allKinds, 'steps[0]', ROOT_SLOT, 12));
    expect(topNames(end)).toEqual([...TOP.slice(1), 'start']);
  });

  it('returns the same pipeline when the step would land where it is', () => {
    expect(okPipeline(moveStep(allKinds, 'steps[2]', ROOT_SLOT, 2))).toBe(allKinds);
    expect(okPipeline(moveStep(allKinds, 'steps[2]', ROOT_SLOT, 3))).toBe(allKinds);
  });

  it('reorders a nested list', () => {
    const slot = { owner: 'steps[4]', slot: 'map.body' } as const;
    const result = okPipeline(moveStep(allKinds, 'steps[4].map.body[0]', slot, 2));
    expect(namesIn(result, slot)).toEqual(['map_b', 'map_a']);
    expect(result.steps[3]).toBe(allKinds.steps[3]);
  });
});

describe('moveStep across containers', () => {
  it('moves a nested step out to the top level', () => {
    const result = okPipeline(moveStep(allKinds, 'steps[4].map.body[1]', ROOT_SLOT, 0));
    expect(topNames(result).slice(0, 2)).toEqual(['map_b', 'start']);
    expect(namesIn(result, { owner: 'steps[5]', slot: 'map.body' })).toEqual(['map_a']);
  });

  it('follows the target container when the moved step was an earlier sibling of it', () => {
    const result = okPipeline(
      moveStep(allKinds, 'steps[0]', { owner: 'steps[3]', slot: 'loop.body' }, 1),
    );
    expect(stepAt(result, 'steps[2]').name).toBe('repeat');
    expect(namesIn(result, { owner: 'steps[2]', slot: 'loop.body' })).toEqual([
      'body_step',
      'start',
    ]);
    const loop = stepAt(result, 'steps[2]');
    expect(loop.kind === 'loop' && loop.loop.body.form).toBe('list');
  });

  it('moves between branches of different containers', () => {
    const result = okPipeline(
      moveStep(
        allKinds,
        'steps[1].branches["my key"][0]',
        { owner: 'steps[7]', slot: 'states', key: 'idle' },
        0,
      ),
    );
    expect(namesIn(result, { owner: 'steps[1]', slot: 'branches', key: 'my key' })).toEqual([]);
    expect(stepAt(result, 'steps[7].states.idle[0]').name).toBe('ask');
    expect(result.steps[0]).toBe(allKinds.steps[0]);
  });

  it('moves a fallback into a list, leaving its step without one', () => {
    const result = okPipeline(moveStep(allKinds, 'steps[0].fallback', ROOT_SLOT, 1));
    expect(topNames(result).slice(0, 3)).toEqual(['start', 'start_fallback', 'fan']);
    expect('fallback' in stepAt(result, 'steps[0]')).toBe(false);
  });
});

describe('moveStep errors', () => {
  it('refuses to move a container into itself or its own children', () => {
    expect(
      failureReason(moveStep(allKinds, 'steps[3]', { owner: 'steps[3]', slot: 'loop.body' }, 0)),
    ).toMatch(/into itself/);
    const nested = {
      ...allKinds,
      steps: [
        {
          ...stepAt(allKinds, 'steps[1]'),
          branches: [
            { key: 'a', pipeline: { steps: [stepAt(allKinds, 'steps[3]')], form: 'list' } },
          ],
        },
      ],
    } as const;
    expect(
      failureReason(
        moveStep(nested, 'steps[0]', { owner: 'steps[0].branches.a[0]', slot: 'loop.body' }, 0),
      ),
    ).toMatch(/into itself/);
  });

  it.each([
    ['steps[40]', ROOT_SLOT, 0, /no step/],
    ['x', ROOT_SLOT, 0, /not a step path/],
    ['steps[0]', ROOT_SLOT, 13, /position 13/],
    [
      'steps[0]',
      { owner: 'steps[1]', slot: 'branches', key: 'nope' } as const,
      0,
      /does not exist/,
    ],
  ])('refuses %s → %j at %i', (from, slot, index, reason) => {
    expect(failureReason(moveStep(allKinds, from, slot, index))).toMatch(reason);
  });
});

describe('moveStep property', () => {
  it('never loses or duplicates a step, wherever it moves one', () => {
    const paths = allKindsPaths.map(([path]) => path);
    const slots = paths.flatMap((path) => {
      const place = slotOf(path);
      return place ? [place.slot] : [];
    });
    const sortedNames = (p: Pipeline) =>
      listSteps(p)
        .map(({ step }) => step.name)
        .sort();
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom(...slots),
        fc.nat({ max: 13 }),
        (from, slot, index) => {
          const result = moveStep(allKinds, from, slot, index);
          if (result.ok) expect(sortedNames(result.pipeline)).toEqual(sortedNames(allKinds));
        },
      ),
    );
  });
});
