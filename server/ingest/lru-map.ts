// A Map bounded to `capacity` entries that forgets the least recently used first.
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  /**
   * Walks the keys oldest first and is kept between evictions. A fresh `keys().next()` per eviction
   * would step over every slot deleted since the table was last rehashed: with 200,000 entries that
   * made each eviction cost milliseconds and the ingest slower with every batch once the cache was full.
   * Everything behind this iterator has been evicted or re-inserted at the end, so its next key is the oldest.
   */
  private oldest: Iterator<K> | null = null;

  /** `onEvict` hears of every entry the map forgets to make room (not of replaced values). */
  constructor(
    private readonly capacity: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // re-insert: Map iteration order is insertion order, so the oldest entry comes first
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.evictOldest();
  }

  /** Whether the key is held, without making it the most recently used. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private evictOldest(): void {
    let next = this.oldest?.next();
    if (!next || next.done) {
      this.oldest = this.entries.keys();
      next = this.oldest.next();
    }
    if (next.done) return;
    const value = this.entries.get(next.value) as V;
    this.entries.delete(next.value);
    this.onEvict?.(next.value, value);
  }
}
