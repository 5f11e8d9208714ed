import { describe, expect, it } from 'vitest';
import type { YamlValue } from './jsonValue';
import {
  endStatesOf,
  hasImportOutputs,
  importOutputMappings,
  isBackgroundStep,
  isTemplateString,
  mergeStrategyOf,
} from './stepReaders';

describe('importOutputMappings', () => {
  it.each<[YamlValue | undefined, readonly { child: string; parent: string }[]]>([
    [undefined, []],
    [[], []],
    [[{ child: 'a', parent: 'b' }], [{ child: 'a', parent: 'b' }]],
    [[{ from: 'x.y', to: 'import_artifacts.z' }], [{ child: 'x.y', parent: 'import_artifacts.z' }]],
    [[['a', 'b']], [{ child: 'a', parent: 'b' }]],
    [
      { a: 'b', c: 'd' },
      [
        { child: 'a', parent: 'b' },
        { child: 'c', parent: 'd' },
      ],
    ],
    [
      [{ child: 'a' }, ['only'], 'text', { child: 'k', parent: 'v' }],
      [{ child: 'k', parent: 'v' }],
    ],
    ['scalar', []],
  ])('normalises %j', (outputs, expected) => {
    const config = outputs === undefined ? { extra: {} } : { outputs, extra: {} };
    expect(importOutputMappings(config)).toEqual(expected);
  });

  it('tells an absent outputs key from an empty list', () => {
    expect(hasImportOutputs({ extra: {} })).toBe(false);
    expect(hasImportOutputs({ outputs: [], extra: {} })).toBe(true);
    expect(hasImportOutputs(undefined)).toBe(false);
  });
});

describe('mergeStrategyOf', () => {
  it('defaults to context_update and compares case-insensitively', () => {
    expect(mergeStrategyOf({})).toBe('context_update');
    expect(mergeStrategyOf({ merge_strategy: 'OVERWRITE' })).toBe('overwrite');
    expect(mergeStrategyOf({ merge_strategy: 'Keep_First' })).toBe('keep_first');
    expect(mergeStrategyOf({ merge_strategy: 'merge_scratchpad' })).toBeUndefined();
  });
});

describe('endStatesOf', () => {
  it('reads a scalar, a list or nothing', () => {
    expect(endStatesOf({ end_states: 'done' })).toEqual(['done']);
    expect(endStatesOf({ end_states: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(endStatesOf({})).toEqual([]);
  });
});

describe('small readers', () => {
  it('spots template strings and background steps', () => {
    expect(isTemplateString('Hi {{ context.name }}')).toBe(true);
    expect(isTemplateString('plain')).toBe(false);
    expect(isTemplateString({ a: '{{ x }}' })).toBe(false);
    expect(isBackgroundStep({ config: { execution_mode: 'background', extra: {} } })).toBe(true);
    expect(isBackgroundStep({})).toBe(false);
  });
});
