import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChildListSegment, ChildStepRef, StepPathSegments } from './stepPath';
import {
  appendSegment,
  childPath,
  formatStepPath,
  isSameOrInside,
  parentOf,
  parseStepPath,
} from './stepPath';

const index = fc.nat({ max: 10_000 });
const key = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constantFrom('a', 'my key', 'true', '1', 'x-y', 'with"quote', 'back\\slash', 'é', ''),
);
const childSegment: fc.Arbitrary<ChildListSegment | ChildStepRef> = fc.oneof(
  fc.record({ slot: fc.constantFrom('loop.body', 'map.body', 'default_branch'), index }),
  fc.record({ slot: fc.constantFrom('branches', 'router.branches', 'states'), key, index }),
  fc.record({ slot: fc.constantFrom('wrapped_step', 'fallback') }),
);
const segments: fc.Arbitrary<StepPathSegments> = fc
  .tuple(index, fc.array(childSegment, { maxLength: 6 }))
  .map(([rootIndex, children]) => [{ slot: 'steps', index: rootIndex }, ...children]);

describe('step paths', () => {
  it('parses every slot kind of the grammar', () => {
    expect(parseStepPath('steps[0].branches["my key"][1]')).toEqual([
      { slot: 'steps', index: 0 },
      { slot: 'branches', key: 'my key', index: 1 },
    ]);
    expect(
      parseStepPath(
        'steps[12].loop.body[0].map.body[3].router.branches.left[2].states.s1[0].default_branch[1].wrapped_step.fallback',
      ),
    ).toEqual([
      { slot: 'steps', index: 12 },
      { slot: 'loop.body', index: 0 },
      { slot: 'map.body', index: 3 },
      { slot: 'router.branches', key: 'left', index: 2 },
      { slot: 'states', key: 's1', index: 0 },
      { slot: 'default_branch', index: 1 },
      { slot: 'wrapped_step' },
      { slot: 'fallback' },
    ]);
  });

  it('writes identifier keys bare and other keys as JSON strings', () => {
    expect(
      formatStepPath([
        { slot: 'steps', index: 0 },
        { slot: 'branches', key: 'a-b_1', index: 0 },
        { slot: 'states', key: '1', index: 2 },
      ]),
    ).toBe('steps[0].branches.a-b_1[0].states["1"][2]');
  });

  it.each([
    '',
    'steps',
    'steps[]',
    'steps[01]',
    'steps[-1]',
    'step[0]',
    'steps[0].',
    'steps[0].loop.body',
    'steps[0].loop[0]',
    'steps[0].branches[0]',
    'steps[0].branches.a',
    'steps[0].branches["a"][0]',
    'steps[0].branches["my key][0]',
    'steps[0].fallback[0]',
    'steps[0].fallbacks',
    'steps[0].steps[1]',
    'steps[0] ',
    'steps[99999999999999999999]',
  ])('rejects %j', (bad) => {
    expect(parseStepPath(bad)).toBeUndefined();
  });

  it('round-trips generated paths: format(parse(format(s))) is the same string', () => {
    fc.assert(
      fc.property(segments, (generated) => {
        const text = formatStepPath(generated);
        const parsed = parseStepPath(text);
        expect(parsed).toEqual(generated);
        expect(parsed && formatStepPath(parsed)).toBe(text);
      }),
    );
  });

  it('never throws on arbitrary strings, and whatever parses is canonical', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((tail) => `steps[0]${tail}`),
        ),
        (text) => {
          const parsed = parseStepPath(text);
          if (parsed) expect(formatStepPath(parsed)).toBe(text);
        },
      ),
    );
  });

  it('builds child paths and finds parents', () => {
    expect(childPath('steps[1]', { slot: 'fallback' })).toBe('steps[1].fallback');
    expect(childPath('steps[1]', { slot: 'branches', key: 'x y', index: 0 })).toBe(
      'steps[1].branches["x y"][0]',
    );
    expect(parentOf('steps[1].branches["x y"][0]')).toBe('steps[1]');
    expect(parentOf('steps[1].loop.body[0].fallback')).toBe('steps[1].loop.body[0]');
    expect(parentOf('steps[1]')).toBeUndefined();
    expect(parentOf('nonsense')).toBeUndefined();
  });

  it('knows when a path lies inside another', () => {
    const outer = parseStepPath('steps[1]');
    const inner = parseStepPath('steps[1].loop.body[0]');
    const sibling = parseStepPath('steps[2].loop.body[0]');
    if (!outer || !inner || !sibling) throw new Error('fixture paths must parse');
    expect(isSameOrInside(inner, outer)).toBe(true);
    expect(isSameOrInside(outer, outer)).toBe(true);
    expect(isSameOrInside(outer, inner)).toBe(false);
    expect(isSameOrInside(sibling, outer)).toBe(false);
    expect(formatStepPath(appendSegment(outer, { slot: 'fallback' }))).toBe('steps[1].fallback');
  });
});
