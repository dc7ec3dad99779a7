/**
 * @module The shared store behind the platform's caches, revocation lists and rate limits: Redis
 * when `REDIS_URL` is set (shared by every process), in-process memory otherwise. Two primitives:
 *
 * - Versioned entries. A writer that knows of a change stores a newer version (with the new value,
 *   or `null` to say "stale, reload"); a reader that filled its value from the database before the
 *   change carries an older version and is refused. So a cache filled concurrently with a change can
 *   never keep the old value: the rule that makes "revoked means refused at once" hold with caching.
 * - Rate buckets: GCRA (a token bucket of `limit` units refilled over `windowMs`), taken atomically
 *   from several buckets at once: either every bucket has a unit and all are taken, or none is.
 */

export interface Versioned {
  readonly version: number;
  /** `null`: invalidated at this version, to be reloaded. */
  readonly value: string | null;
}

export interface Bucket {
  readonly key: string;
  readonly limit: number;
  readonly windowMs: number;
}

export interface BucketState {
  /** Units left after this request (0 when refused). */
  readonly remaining: number;
  /** Milliseconds until the bucket is full again. */
  readonly resetMs: number;
  /** Milliseconds until this bucket would admit a request again (0 when it admits now). */
  readonly retryAfterMs: number;
}

export interface TakeResult {
  readonly allowed: boolean;
  /** One per bucket, in the order given. */
  readonly buckets: readonly BucketState[];
}

/** One entry for {@link SharedStore.writeMany}. */
export interface EntryWrite {
  readonly key: string;
  readonly version: number;
  /** `null`: invalidated at this version, to be reloaded. */
  readonly value: string | null;
  readonly ttlMs: number;
}

export interface SharedStore {
  readonly kind: 'memory' | 'redis';
  /** The entries under these keys, `undefined` where there is none (one round trip). */
  read(keys: readonly string[]): Promise<(Versioned | undefined)[]>;
  /**
   * Stores `value` at `version` for `ttlMs`, unless the entry holds a newer version already.
   * Returns whether it was stored.
   */
  write(key: string, version: number, value: string | null, ttlMs: number): Promise<boolean>;
  /**
   * `write` for each entry, in order, in one round trip (a batch of payments refreshes the cached
   * state of every account it touched). Returns, by entry, whether it was stored.
   */
  writeMany(entries: readonly EntryWrite[]): Promise<boolean[]>;
  /** Takes one unit from every bucket, or from none when one of them is empty. */
  take(buckets: readonly Bucket[]): Promise<TakeResult>;
  /**
   * `read` and `take` in one atomic round trip (the gateway's per-request call). Redis answers the
   * calls of one event-loop turn with one script run, with the result of separate calls in order.
   */
  readAndTake(
    keys: readonly string[],
    buckets: readonly Bucket[],
  ): Promise<{ entries: (Versioned | undefined)[]; taken: TakeResult }>;
}

/** Versions must be exact integers; Redis scripts compare them as doubles. */
export function checkVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`bad version ${version}`);
}
