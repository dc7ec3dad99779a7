/**
 * @module The risk counters in this process's memory (no Redis): the same buckets and answers as the
 * Redis script, for one process. Idle entries are dropped when their windows have passed.
 */
import { bucketMs, type Observation, type Observed, type RiskCounters } from './types.ts';

interface Buckets {
  readonly counts: Map<number, { count: number; sum: bigint }>;
  expiresAt: number;
}

/** Above this many keys, expired entries are swept before adding more. */
const SWEEP_AT = 100_000;

export class MemoryCounters implements RiskCounters {
  readonly kind = 'memory';
  readonly #windows = new Map<string, Buckets>();
  readonly #known = new Map<string, Set<string>>();
  /** Beneficiary → customer → when they started paying it. */
  readonly #payers = new Map<string, Map<string, number>>();
  readonly #hours = new Map<string, number[]>();

  async observe(o: Observation): Promise<Observed> {
    if (this.#windows.size > SWEEP_AT) this.#sweep(o.at);
    const windows = o.windows.map((w) => {
      const size = bucketMs(w.seconds);
      const n = Math.ceil((w.seconds * 1000) / size);
      const current = Math.floor(o.at / size);
      // Windows of one key (an account's minute, hour and day) have buckets of their own.
      const key = `${w.key}:${w.seconds}`;
      let entry = this.#windows.get(key);
      if (!entry || entry.expiresAt <= o.at) {
        entry = { counts: new Map(), expiresAt: 0 };
        this.#windows.set(key, entry);
      }
      if (w.add) {
        const bucket = entry.counts.get(current) ?? { count: 0, sum: 0n };
        bucket.count += 1;
        bucket.sum += o.amount;
        entry.counts.set(current, bucket);
        entry.expiresAt = o.at + size * (n + 1);
        for (const b of entry.counts.keys()) if (b <= current - n) entry.counts.delete(b);
      }
      let count = 0;
      let sum = 0n;
      for (let b = current - n + 1; b <= current; b++) {
        const bucket = entry.counts.get(b);
        if (bucket) {
          count += bucket.count;
          sum += bucket.sum;
        }
      }
      return { count, sum };
    });
    const known = this.#known.get(o.customerId)?.has(o.beneficiary) ?? false;
    let payers = this.#payers.get(o.beneficiary);
    if (!payers) {
      payers = new Map();
      this.#payers.set(o.beneficiary, payers);
    }
    if (!known && !payers.has(o.customerId)) payers.set(o.customerId, o.at);
    for (const [customer, since] of payers) if (since <= o.at - o.muleSeconds * 1000) payers.delete(customer);
    const hours = this.#hours.get(o.customerId) ?? new Array<number>(24).fill(0);
    const before = [...hours];
    hours[new Date(o.at).getUTCHours()]! += 1;
    this.#hours.set(o.customerId, hours);
    return { windows, known, newPayers: payers.size, hours: before };
  }

  async remember(customerId: string, beneficiary: string): Promise<void> {
    let known = this.#known.get(customerId);
    if (!known) {
      known = new Set();
      this.#known.set(customerId, known);
    }
    known.add(beneficiary);
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#windows) if (entry.expiresAt <= now) this.#windows.delete(key);
  }
}
