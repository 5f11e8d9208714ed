import { jsonClone } from '../checkpoint';
import { ConfigurationError } from '../errors';
import type { CacheStore } from '../runOptions';
import type { StepResult } from '../runTypes';

/** How many results the default store keeps before evicting the least recently used. */
export const DEFAULT_CACHE_CAPACITY = 1000;

/**
 * The in-memory `CacheStore`: a bounded LRU (a `Map` keeps insertion order; a read moves the key to
 * the end). Results are copied in and out so a caller mutating an output cannot corrupt the cache.
 */
export class LruCacheStore implements CacheStore {
  private readonly entries = new Map<string, StepResult>();
  private readonly capacity: number;

  constructor(capacity = DEFAULT_CACHE_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new ConfigurationError(
        `A cache store needs a capacity of at least 1, not ${String(capacity)}.`,
        {
          suggestion: 'Pass a positive whole number of entries.',
        },
      );
    }
    this.capacity = capacity;
  }

  /** The stored result for `key` (marking it most recently used), or undefined. */
  readonly get = (key: string): StepResult | undefined => {
    const result = this.entries.get(key);
    if (result === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, result);
    return jsonClone(result);
  };

  /** Stores `result` under `key`, evicting the least recently used entries beyond the capacity. */
  readonly set = (key: string, result: StepResult): void => {
    this.entries.delete(key);
    this.entries.set(key, jsonClone(result));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  };

  /** Number of stored results. */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets every stored result. */
  clear(): void {
    this.entries.clear();
  }
}
