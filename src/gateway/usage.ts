/**
 * @module Usage metering per app, route and hour: request and error counts and latency, added up in
 * memory and flushed to the database every few seconds (and at shutdown) as increments, so any
 * number of processes can meter the same app. A crash loses at most the last few seconds of counts.
 */
import type { Kysely } from 'kysely';
import type { UsageRow } from '../developers/index.ts';
import type { GatewayTables } from './tables.ts';

/** The row shape is the developer API's, which serves it (`GET /developer/apps/{id}/usage`). */
export type { UsageRow };

interface Tally {
  clientId: string;
  hour: string;
  route: string;
  requests: number;
  errors: number;
  latencyUsSum: number;
  latencyUsMax: number;
}

export interface UsageQuery {
  readonly from: string;
  readonly to: string;
  readonly granularity: 'hour' | 'day';
}

const HOUR_MS = 3_600_000;
/** The last hour formatted, and where it starts: every request of an hour formats the same text. */
let lastHour = { start: Number.NaN, text: '' };
function hourOf(at: number): string {
  const start = at - (at % HOUR_MS);
  if (start !== lastHour.start) lastHour = { start, text: new Date(start).toISOString() };
  return lastHour.text;
}

export class UsageMeter {
  readonly #db: Kysely<GatewayTables>;
  #pending = new Map<string, Tally>();
  #flushing: Promise<void> = Promise.resolve();

  constructor(db: Kysely<GatewayTables>) {
    this.#db = db;
  }

  record(clientId: string, route: string, status: number, latencyMs: number, at = Date.now()): void {
    const us = Math.round(latencyMs * 1000);
    this.#add({
      clientId,
      hour: hourOf(at),
      route,
      requests: 1,
      errors: status >= 400 ? 1 : 0,
      latencyUsSum: us,
      latencyUsMax: us,
    });
  }

  /** Adds counts to the pending tally of their app, hour and route. */
  #add(counts: Tally): void {
    const k = `${counts.clientId}\n${counts.hour}\n${counts.route}`;
    const tally = this.#pending.get(k);
    if (!tally) {
      this.#pending.set(k, { ...counts });
      return;
    }
    tally.requests += counts.requests;
    tally.errors += counts.errors;
    tally.latencyUsSum += counts.latencyUsSum;
    tally.latencyUsMax = Math.max(tally.latencyUsMax, counts.latencyUsMax);
  }

  /** Writes what was counted since the last flush; one flush at a time. */
  flush(): Promise<void> {
    // One flush at a time; a failed flush (its rows kept for the next) does not block the ones after it.
    this.#flushing = this.#flushing.catch(() => {}).then(() => this.#write());
    return this.#flushing;
  }

  async #write(): Promise<void> {
    if (this.#pending.size === 0) return;
    const tallies = [...this.#pending.values()];
    this.#pending = new Map();
    try {
      await this.#db.transaction().execute(async (trx) => {
        for (const t of tallies) {
          await trx
            .insertInto('usage_hourly')
            .values({
              client_id: t.clientId,
              hour: t.hour,
              route: t.route,
              requests: t.requests,
              errors: t.errors,
              latency_us_sum: t.latencyUsSum,
              latency_us_max: t.latencyUsMax,
            })
            .onConflict((oc) =>
              oc.columns(['client_id', 'hour', 'route']).doUpdateSet((eb) => ({
                requests: eb('usage_hourly.requests', '+', eb.ref('excluded.requests')),
                errors: eb('usage_hourly.errors', '+', eb.ref('excluded.errors')),
                latency_us_sum: eb('usage_hourly.latency_us_sum', '+', eb.ref('excluded.latency_us_sum')),
                latency_us_max: eb
                  .case()
                  .when('usage_hourly.latency_us_max', '>', eb.ref('excluded.latency_us_max'))
                  .then(eb.ref('usage_hourly.latency_us_max'))
                  .else(eb.ref('excluded.latency_us_max'))
                  .end(),
              })),
            )
            .execute();
        }
      });
    } catch (err) {
      // Put the counts back, to be written with the next flush.
      for (const t of tallies) this.#add(t);
      throw err;
    }
  }

  /** The app's usage between `from` (inclusive) and `to` (exclusive), per period and route. */
  async read(clientId: string, q: UsageQuery): Promise<UsageRow[]> {
    const rows = await this.#db
      .selectFrom('usage_hourly')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('hour', '>=', q.from)
      .where('hour', '<', q.to)
      .orderBy('hour')
      .orderBy('route')
      .execute();
    const periods = new Map<string, Tally>();
    for (const r of rows) {
      const hour = new Date(r.hour).toISOString();
      const period = q.granularity === 'day' ? hour.slice(0, 10) : hour;
      const k = `${period}\n${r.route}`;
      const p = periods.get(k) ?? {
        clientId,
        hour: period,
        route: r.route,
        requests: 0,
        errors: 0,
        latencyUsSum: 0,
        latencyUsMax: 0,
      };
      p.requests += Number(r.requests);
      p.errors += Number(r.errors);
      p.latencyUsSum += Number(r.latency_us_sum);
      p.latencyUsMax = Math.max(p.latencyUsMax, Number(r.latency_us_max));
      periods.set(k, p);
    }
    return [...periods.values()].map((p) => ({
      period: p.hour,
      route: p.route,
      requests: p.requests,
      errors: p.errors,
      latencyMsAvg: Math.round(p.latencyUsSum / p.requests) / 1000,
      latencyMsMax: p.latencyUsMax / 1000,
    }));
  }
}
