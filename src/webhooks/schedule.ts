/**
 * @module When to try a message again: the retry schedule with its jitter, and a receiver's
 * `Retry-After` (seconds or an HTTP date), which pushes the next attempt later but never earlier.
 */
import { MAX_RETRY_AFTER_MS } from './defaults.ts';

export interface ScheduleOptions {
  readonly schedule: readonly number[];
  /** 0.2 spreads a delay over 0.8–1.2 times its value. */
  readonly jitter: number;
  readonly random: () => number;
}

/**
 * The delay (ms) before the next attempt once `attemptsMade` attempts were made, or undefined when the
 * schedule is used up. `retryAfterMs` (from the receiver) lengthens it, up to a day.
 */
export function nextDelay(
  attemptsMade: number,
  options: ScheduleOptions,
  retryAfterMs?: number | undefined,
): number | undefined {
  const base = options.schedule[attemptsMade];
  if (base === undefined) return undefined;
  const jittered = Math.round(base * (1 - options.jitter + 2 * options.jitter * options.random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT` as milliseconds from `now`. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d{1,10}$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
