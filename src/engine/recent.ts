// A bounded map of recent results, least recently used out first. People ask the same few questions over and
// over; what depends only on the question text is worth keeping.

/**
 * Longer keys are not kept: long messages are rarely asked twice, and a flood of them would fill the heap
 * (production runs with a 96 MB cap; see npm run bench:flood).
 */
const LONGEST_KEPT_KEY = 200;

export class RecentResults<V> {
  private readonly entries = new Map<string, V>();

  /** `size` 0 keeps nothing: every call computes afresh. */
  constructor(private readonly size: number) {}

  get(key: string, compute: () => V): V {
    if (this.size === 0 || key.length > LONGEST_KEPT_KEY) return compute();
    let value = this.entries.get(key);
    if (value !== undefined) {
      // Re-inserted, so the oldest entry is the least recently used one.
      this.entries.delete(key);
    } else {
      value = compute();
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, value);
    return value;
  }
}
