/**
 * @module A tiny time-bounded cache of async look-ups: each key is loaded at most once per `ttlMs`
 * (concurrent callers share the pending load), misses included; bounded in size.
 */

const MAX_ENTRIES = 10_000;

export class ShortCache<T> {
  readonly #ttlMs: number;
  readonly #load: (key: string) => Promise<T | undefined>;
  readonly #entries = new Map<string, { at: number; value: Promise<T | undefined> }>();

  constructor(ttlMs: number, load: (key: string) => Promise<T | undefined>) {
    this.#ttlMs = ttlMs;
    this.#load = load;
  }

  get(key: string): Promise<T | undefined> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.#ttlMs) return hit.value;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    const value = this.#load(key);
    this.#entries.set(key, { at: now, value });
    value.catch(() => this.#entries.delete(key));
    return value;
  }
}
