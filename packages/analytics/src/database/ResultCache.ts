/** Bounds of a `ResultCache`. An entry larger than `maxEntryBytes` is returned but never stored. */
export interface ResultCacheLimits {
  maxEntries: number;
  maxBytes: number;
  maxEntryBytes: number;
}

/** How to store one computed value: its size in bytes, and whether to store it at all. */
export interface StoreOptions<T> {
  sizeOf: (value: T) => number;
  /** Returns false for a value that must not be stored, such as an error response. Without it, every value is stored. */
  shouldStore?: (value: T) => boolean;
}

interface Entry {
  value: unknown;
  bytes: number;
}

/**
 * A bounded in-memory cache of computed results that evicts the least
 * recently used entry first. Concurrent requests for the same key share one
 * computation (single flight). A computation that throws is never stored, so
 * the next request runs it again. Once the cache is closed, it stores nothing
 * more, and a computation still running returns its value to its callers
 * only.
 *
 * Values are returned by reference, so callers must treat them as read-only.
 */
export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<unknown>>();
  private storedBytes = 0;
  private closed = false;

  constructor(readonly limits: ResultCacheLimits) {}

  /** The number of stored entries. */
  get size(): number {
    return this.entries.size;
  }

  /** The sum of the stored entries' sizes, in bytes. */
  get bytes(): number {
    return this.storedBytes;
  }

  /**
   * Returns the stored value of `key`, else joins the running computation of
   * `key`, else runs `compute` and stores its value within the limits.
   * Callers must give the same `T` for the same key.
   */
  async get<T>(key: string, compute: () => Promise<T>, options: StoreOptions<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry) {
      // Re-inserting moves the key to the end of the Map's order, which is the most recently used end.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value as T;
    }
    const running = this.running.get(key);
    if (running) return running as Promise<T>;

    const computation = this.computeAndStore(key, compute, options);
    this.running.set(key, computation);
    return computation;
  }

  /** Drops every entry and stores nothing more. */
  close(): void {
    this.closed = true;
    this.entries.clear();
    this.storedBytes = 0;
  }

  private async computeAndStore<T>(key: string, compute: () => Promise<T>, options: StoreOptions<T>): Promise<T> {
    try {
      const value = await compute();
      if (options.shouldStore?.(value) ?? true) this.store(key, value, options.sizeOf(value));
      return value;
    } finally {
      this.running.delete(key);
    }
  }

  private store(key: string, value: unknown, bytes: number): void {
    if (this.closed || bytes > this.limits.maxEntryBytes || bytes > this.limits.maxBytes || this.limits.maxEntries < 1) return;
    this.entries.set(key, { value, bytes });
    this.storedBytes += bytes;
    this.evictOverLimits();
  }

  private evictOverLimits(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.storedBytes <= this.limits.maxBytes) return;
      this.entries.delete(key);
      this.storedBytes -= entry.bytes;
    }
  }
}
