/**
 * @module The in-process shared store: a bounded map with expiry and the same GCRA buckets as the
 * Redis store. Correct for one process; several processes need Redis (the configuration insists).
 */
import {
  type Bucket,
  type BucketState,
  checkVersion,
  type EntryWrite,
  type SharedStore,
  type TakeResult,
  type Versioned,
} from './types.ts';

const MAX_ENTRIES = 100_000;

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

class ExpiringMap<T> {
  readonly #map = new Map<string, Entry<T>>();

  get(key: string, now: number): T | undefined {
    const entry = this.#map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, expiresAt: number, now: number): void {
    if (this.#map.size >= MAX_ENTRIES && !this.#map.has(key)) this.#sweep(now);
    this.#map.set(key, { value, expiresAt });
  }

  /** Drops expired entries; if that frees too little, the oldest half (a cache may forget). */
  #sweep(now: number): void {
    for (const [key, entry] of this.#map) if (entry.expiresAt <= now) this.#map.delete(key);
    if (this.#map.size < MAX_ENTRIES * 0.9) return;
    let drop = this.#map.size / 2;
    for (const key of this.#map.keys()) {
      if (drop-- <= 0) break;
      this.#map.delete(key);
    }
  }
}

export class MemoryStore implements SharedStore {
  readonly kind = 'memory';
  readonly #entries = new ExpiringMap<Versioned>();
  readonly #tats = new ExpiringMap<number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async read(keys: readonly string[]): Promise<(Versioned | undefined)[]> {
    const now = this.#now();
    return keys.map((key) => this.#entries.get(key, now));
  }

  async write(key: string, version: number, value: string | null, ttlMs: number): Promise<boolean> {
    checkVersion(version);
    const now = this.#now();
    const current = this.#entries.get(key, now);
    if (current && current.version > version) return false;
    this.#entries.set(key, { version, value }, now + ttlMs, now);
    return true;
  }

  async writeMany(entries: readonly EntryWrite[]): Promise<boolean[]> {
    for (const e of entries) checkVersion(e.version);
    const stored: boolean[] = [];
    for (const e of entries) stored.push(await this.write(e.key, e.version, e.value, e.ttlMs));
    return stored;
  }

  async readAndTake(keys: readonly string[], buckets: readonly Bucket[]) {
    const [entries, taken] = await Promise.all([this.read(keys), this.take(buckets)]);
    return { entries, taken };
  }

  async take(buckets: readonly Bucket[]): Promise<TakeResult> {
    const now = this.#now();
    const plans = buckets.map((b) => gcra(b, this.#tats.get(b.key, now) ?? now, now));
    const allowed = plans.every((p) => p.admits);
    if (allowed)
      for (const [i, p] of plans.entries()) this.#tats.set(buckets[i]!.key, p.newTat, p.newTat, now);
    return { allowed, buckets: plans.map((p) => p.state(allowed)) };
  }
}

/**
 * GCRA: the bucket's "theoretical arrival time" `tat` moves `windowMs / limit` ahead per request;
 * a request is admitted while `tat` stays within one window of now. The same arithmetic runs in the
 * Redis script.
 */
export function gcra(bucket: Bucket, storedTat: number, now: number) {
  const interval = bucket.windowMs / bucket.limit;
  const tat = Math.max(storedTat, now);
  const newTat = tat + interval;
  const allowAt = newTat - bucket.windowMs;
  const admits = now >= allowAt;
  return {
    admits,
    newTat,
    state(allowed: boolean): BucketState {
      const at = allowed ? newTat : tat;
      return {
        remaining: Math.max(0, Math.floor((bucket.windowMs - (at - now)) / interval + 1e-9)),
        resetMs: Math.max(0, Math.ceil(at - now)),
        retryAfterMs: admits ? 0 : Math.ceil(allowAt - now),
      };
    },
  };
}
