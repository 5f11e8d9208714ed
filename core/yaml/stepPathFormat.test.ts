import { describe, expect, it } from 'vitest';

import { pathField, pathIndex, pathKey } from './stepPathFormat';

describe('step path formatting', () => {
  it('writes plain keys with a dot and others as JSON strings', () => {
    expect(pathKey('valid-key_1')).toBe('.valid-key_1');
    expect(pathKey('a b')).toBe('["a b"]');
    expect(pathKey('1')).toBe('["1"]');
  });

  it('builds nested paths', () => {
    const loop = pathField(pathIndex('steps', 2), 'loop.body');
    expect(pathIndex(loop, 0)).toBe('steps[2].loop.body[0]');
    expect(pathIndex(`${pathField('steps[0]', 'branches')}${pathKey('x y')}`, 1)).toBe(
      'steps[0].branches["x y"][1]',
    );
  });
});
