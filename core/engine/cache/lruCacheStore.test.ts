import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors';
import type { StepResult } from '../runTypes';
import { LruCacheStore } from './lruCacheStore';

function result(output: unknown): StepResult {
  return {
    name: 's',
    path: 'steps[0]',
    kind: 'step',
    output,
    success: true,
    attempts: 1,
    latencyMs: 1,
    tokens: 0,
    costUsd: 0,
    metadata: {},
    children: [],
  };
}

describe('LruCacheStore', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const store = new LruCacheStore(2);
    store.set('a', result(1));
    store.set('b', result(2));
    expect(store.get('a')?.output).toBe(1);
    store.set('c', result(3));
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')?.output).toBe(1);
    expect(store.get('c')?.output).toBe(3);
    expect(store.size).toBe(2);
  });

  it('overwriting a key refreshes it instead of growing', () => {
    const store = new LruCacheStore(2);
    store.set('a', result(1));
    store.set('b', result(2));
    store.set('a', result(10));
    store.set('c', result(3));
    expect(store.get('a')?.output).toBe(10);
    expect(store.get('b')).toBeUndefined();
  });

  it('hands out copies, so a caller cannot change what is stored', () => {
    const store = new LruCacheStore();
    const stored = result({ list: [1] });
    store.set('k', stored);
    (stored.output as { list: number[] }).list.push(2);
    const read = store.get('k');
    (read?.output as { list: number[] }).list.push(3);
    expect(store.get('k')?.output).toEqual({ list: [1] });
  });

  it('clear() forgets everything', () => {
    const store = new LruCacheStore();
    store.set('k', result(1));
    store.clear();
    expect(store.size).toBe(0);
    expect(store.get('k')).toBeUndefined();
  });

  it('rejects a capacity below 1', () => {
    expect(() => new LruCacheStore(0)).toThrow(ConfigurationError);
    expect(() => new LruCacheStore(1.5)).toThrow(ConfigurationError);
  });
});
