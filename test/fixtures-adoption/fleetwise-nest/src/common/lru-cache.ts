// A small least-recently-used cache. Map keeps insertion order, so the first key is the oldest.
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  find(predicate: (value: V) => boolean): V | undefined {
    for (const value of this.entries.values()) {
      if (predicate(value)) return value;
    }
    return undefined;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
