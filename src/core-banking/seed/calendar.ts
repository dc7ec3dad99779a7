/**
 * @module Dates of the seeded history: the two years ending at `asOf`, each day's booking window
 * (06:00–22:00 Nairobi time, never later than now), paydays moved off weekends, and a daily
 * USD→KES rate. Everything is UTC and integer milliseconds.
 */
import { AppError } from '../../platform/index.ts';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface HistorySpan {
  /** UTC midnight of the first day of history. */
  readonly startMs: number;
  /** Number of days, the `asOf` day included. */
  readonly days: number;
  readonly asOf: string;
}

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The two years of history ending at `asOf` (default: today UTC); refuses a future or invalid date. */
export function historySpan(asOf: string | undefined, now: Date): HistorySpan {
  const text = asOf ?? now.toISOString().slice(0, 10);
  const match = DATE.exec(text);
  const endMs = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(endMs) || isoDate(endMs) !== text) {
    throw new AppError('VALIDATION_FAILED', `asOf must be a date YYYY-MM-DD, not ${JSON.stringify(text)}`);
  }
  if (endMs > now.getTime()) {
    throw new AppError('VALIDATION_FAILED', `asOf ${text} is in the future`);
  }
  const end = new Date(endMs);
  const startMs = Date.UTC(end.getUTCFullYear() - 2, end.getUTCMonth(), end.getUTCDate() + 1);
  return { startMs, days: Math.round((endMs - startMs) / DAY_MS) + 1, asOf: text };
}

/**
 * The span of a day in which bookings fall: 03:00–19:00 UTC (06:00–22:00 in Nairobi), cut at `nowMs`
 * on the current day so no seeded booking lies in the future.
 */
export function dayWindow(dayMs: number, nowMs: number): { readonly start: number; readonly length: number } {
  let start = dayMs + 3 * HOUR_MS;
  let end = dayMs + 19 * HOUR_MS;
  if (nowMs < end) {
    end = nowMs;
    if (end - start < 60_000) start = dayMs;
    end = Math.max(end, start + 1);
  }
  return { start, length: end - start };
}

export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** The date of `dayOfMonth` in that month, moved back to Friday when it falls on a weekend. */
export function businessDay(year: number, month: number, dayOfMonth: number): number {
  const day = Math.min(dayOfMonth, daysInMonth(year, month));
  const ms = Date.UTC(year, month, day);
  const weekday = new Date(ms).getUTCDay();
  return ms - (weekday === 6 ? 1 : weekday === 0 ? 2 : 0) * DAY_MS;
}

/** KES per USD in hundredths, a smooth deterministic curve around 129: e.g. 12937n is 129.37. */
export function kesPerUsd(dayMs: number): bigint {
  const d = dayMs / DAY_MS;
  return BigInt(12_900 + Math.round(95 * Math.sin(d / 41) + 40 * Math.sin(d / 11)));
}
