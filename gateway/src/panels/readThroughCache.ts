/**
 * A read-through cache with single flight: a value is kept for `ttlMs` after it was read; while
 * a read for a key is in flight, every caller asking for the same key waits for that read
 * instead of starting another (so twenty reps opening one account make one set of SAP calls).
 * A failed read is not kept (the next caller reads again), unless `keepFailure` says the failure
 * is an answer (e.g. "SAP has no such customer"), which is then kept as a value is. Bounded:
 * beyond `maxEntries` the least recently used entries go. Entries can be dropped before their time (`deleteWhere`, when
 * what they hold is known to have changed); a read in flight for such a key then keeps nothing,
 * since it may have read what was there before the change.
 */

export interface CachedRead<T> {
  value: T;
  /** Served from an earlier read; false for the caller that read, and for those that waited for its read. */
  fromCache: boolean;
}

export interface ReadThroughCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds; Date.now by default. */
  now?: () => number;
  /** Failures kept like values for `ttlMs` (and thrown to the callers meanwhile); none by default. */
  keepFailure?: (error: unknown) => boolean;
}

type Outcome<T> = { value: T } | { error: unknown };

export class ReadThroughCache<T> {
  private readonly entries = new Map<string, { outcome: Outcome<T>; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly now: () => number;

  constructor(private readonly options: ReadThroughCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string, read: () => Promise<T>): Promise<CachedRead<T>> {
    const cached = this.fresh(key);
    if (cached !== undefined) {
      if ('error' in cached) throw cached.error;
      return { value: cached.value, fromCache: true };
    }
    const pending = this.inFlight.get(key);
    if (pending) return { value: await pending, fromCache: false };
    const reading: Promise<T> = read().then(
      (value) => {
        if (this.inFlight.get(key) === reading) {
          this.inFlight.delete(key);
          this.set(key, value);
        }
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === reading) {
          this.inFlight.delete(key);
          if (this.options.keepFailure?.(error)) this.keep(key, { error });
        }
        throw error;
      },
    );
    this.inFlight.set(key, reading);
    return { value: await reading, fromCache: false };
  }

  /** The value kept for the key, if it has not expired. */
  peek(key: string): T | undefined {
    const outcome = this.fresh(key);
    return outcome !== undefined && 'value' in outcome ? outcome.value : undefined;
  }

  private fresh(key: string): Outcome<T> | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-inserted: a Map iterates in insertion order, so the first entry is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.outcome;
  }

  set(key: string, value: T): void {
    this.keep(key, { value });
  }

  private keep(key: string, outcome: Outcome<T>): void {
    if (this.options.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { outcome, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every entry, and every read in flight, whose key matches; returns how many entries went. */
  deleteWhere(matches: (key: string) => boolean): number {
    let deleted = 0;
    for (const key of [...this.entries.keys()]) {
      if (!matches(key)) continue;
      this.entries.delete(key);
      deleted += 1;
    }
    for (const key of [...this.inFlight.keys()]) if (matches(key)) this.inFlight.delete(key);
    return deleted;
  }
}
