/** A Map that keeps at most `capacity` entries, dropping the oldest insertion first. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The cached value for `key`, if any. */
  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Stores `value` under `key`, evicting the oldest entry when full. */
  set(key: string, value: V): void {
    if (this.entries.size >= this.capacity && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  /** How many entries are cached. */
  get size(): number {
    return this.entries.size;
  }
}
