/**
 * @module The gateway's usage rows (per period and route) summed into a continuous series of
 * buckets — the last 24 hours by hour, the last 30 days by day (UTC) — with empty periods as zeros
 * and latency averaged over the requests.
 */
import type { UsageRow } from './options.ts';

export interface Bucket {
  /** The hour (RFC 3339) or day (YYYY-MM-DD), as the gateway names periods. */
  readonly period: string;
  readonly label: string;
  readonly requests: number;
  readonly errors: number;
  /** Average latency over the period's requests (ms), or null without requests. */
  readonly latencyMsAvg: number | null;
  readonly latencyMsMax: number | null;
}

export type Granularity = 'hour' | 'day';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const COUNT: Record<Granularity, number> = { hour: 24, day: 30 };

/** The periods of the window ending at `now`, oldest first, and the range to ask the gateway for. */
export function windowOf(granularity: Granularity, now: Date) {
  const step = granularity === 'hour' ? HOUR_MS : DAY_MS;
  const last = now.getTime() - (now.getTime() % step);
  const starts = Array.from(
    { length: COUNT[granularity] },
    (_, i) => last - (COUNT[granularity] - 1 - i) * step,
  );
  const name = (t: number) =>
    granularity === 'hour' ? new Date(t).toISOString() : new Date(t).toISOString().slice(0, 10);
  return {
    periods: starts.map(name),
    from: new Date(starts[0] ?? last).toISOString(),
    to: new Date(last + step).toISOString(),
  };
}

const labelOf = (granularity: Granularity, period: string) =>
  granularity === 'hour' ? `${period.slice(11, 16)}` : period.slice(5);

export function seriesOf(
  rows: readonly UsageRow[],
  granularity: Granularity,
  periods: readonly string[],
): Bucket[] {
  const sums = new Map<
    string,
    { requests: number; errors: number; latencySum: number; latencyMax: number }
  >();
  for (const r of rows) {
    const s = sums.get(r.period) ?? { requests: 0, errors: 0, latencySum: 0, latencyMax: 0 };
    s.requests += r.requests;
    s.errors += r.errors;
    s.latencySum += r.latencyMsAvg * r.requests;
    s.latencyMax = Math.max(s.latencyMax, r.latencyMsMax);
    sums.set(r.period, s);
  }
  return periods.map((period) => {
    const s = sums.get(period);
    return {
      period,
      label: labelOf(granularity, period),
      requests: s?.requests ?? 0,
      errors: s?.errors ?? 0,
      latencyMsAvg: s?.requests ? Math.round((s.latencySum / s.requests) * 10) / 10 : null,
      latencyMsMax: s?.requests ? s.latencyMax : null,
    };
  });
}
