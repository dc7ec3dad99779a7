/**
 * @module The audit trail of customer-data access: which app read what, for which customer, under
 * which consent, by which route, with what outcome. Repeats of the same access (same consent,
 * account, route and outcome) within one second are one record with a `count` and the time of the
 * last one, so a busy app costs the database a few rows a second rather than one per request.
 * Records are buffered and written in batches every second (and at shutdown), off the request's
 * path; a crash can lose the last second. The customer reads their trail on the consent page.
 * Records older than the retention period are purged in batches (the database itself refuses to
 * delete one younger than a year, and to change any).
 */
import type { Insertable, Kysely } from 'kysely';
import type { AccessAuditTable, GatewayTables } from './tables.ts';

/** One access, as the gateway reports it (`count` and `last_at` are the trail's to fill). */
export type AccessRecord = Omit<Insertable<AccessAuditTable>, 'count' | 'last_at'>;

export interface AccessEntry {
  readonly at: string;
  readonly clientId: string;
  readonly accountId: string | null;
  readonly method: string;
  readonly route: string;
  readonly status: number;
  /** How many times, between `at` and `lastAt` (repeats within a second are one record). */
  readonly count: number;
  readonly lastAt: string;
}

/** Held in memory at most, should the database stay unreachable; older records are dropped first. */
const MAX_BUFFERED = 50_000;
const BATCH = 200;
/** Records deleted per statement by the purge: short transactions, however much is due. */
const PURGE_BATCH = 5_000;

export class AuditTrail {
  readonly #db: Kysely<GatewayTables>;
  readonly #onDropped: (count: number) => void;
  #buffer: Insertable<AccessAuditTable>[] = [];
  /** Within the current second: the buffered record each repeated access adds to. */
  #open = new Map<string, Insertable<AccessAuditTable>>();
  #second = '';
  #flushing: Promise<void> = Promise.resolve();

  constructor(db: Kysely<GatewayTables>, onDropped: (count: number) => void) {
    this.#db = db;
    this.#onDropped = onDropped;
  }

  record(entry: AccessRecord): void {
    const second = entry.at.slice(0, 19);
    if (second !== this.#second) {
      this.#second = second;
      this.#open.clear();
    }
    const key = `${entry.consent_id}\n${entry.account_id}\n${entry.method}\n${entry.route}\n${entry.status}`;
    const open = this.#open.get(key);
    if (open) {
      open.count = Number(open.count ?? 1) + 1;
      open.last_at = entry.at;
      return;
    }
    const row = { ...entry, count: 1, last_at: entry.at };
    this.#open.set(key, row);
    this.#buffer.push(row);
    if (this.#buffer.length >= BATCH * 5) void this.flush().catch(() => {});
  }

  flush(): Promise<void> {
    // One flush at a time; a failed flush (its rows kept for the next) does not block the ones after it.
    this.#flushing = this.#flushing.catch(() => {}).then(() => this.#write());
    return this.#flushing;
  }

  async #write(): Promise<void> {
    while (this.#buffer.length > 0) {
      const batch = this.#buffer.slice(0, BATCH);
      // Rows on their way to the database take no more repeats: later ones start a new record.
      this.#open.clear();
      try {
        await this.#db.insertInto('access_audit').values(batch).execute();
      } catch (err) {
        const excess = this.#buffer.length - MAX_BUFFERED;
        if (excess > 0) {
          this.#buffer.splice(0, excess);
          this.#onDropped(excess);
        }
        throw err;
      }
      this.#buffer.splice(0, batch.length);
    }
  }

  /** Deletes the records from before `before`, oldest first, a batch at a time; returns how many. */
  async purge(before: Date): Promise<number> {
    let purged = 0;
    for (;;) {
      const due = this.#db
        .selectFrom('access_audit')
        .select('id')
        .where('at', '<', before.toISOString())
        .orderBy('at')
        .limit(PURGE_BATCH);
      const result = await this.#db.deleteFrom('access_audit').where('id', 'in', due).executeTakeFirst();
      const deleted = Number(result.numDeletedRows);
      purged += deleted;
      if (deleted < PURGE_BATCH) return purged;
    }
  }

  /** The consent's access records, newest first. */
  async history(consentId: string, limit: number): Promise<AccessEntry[]> {
    const rows = await this.#db
      .selectFrom('access_audit')
      .select(['at', 'last_at', 'count', 'client_id', 'account_id', 'method', 'route', 'status'])
      .where('consent_id', '=', consentId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      clientId: r.client_id,
      accountId: r.account_id,
      method: r.method,
      route: r.route,
      status: Number(r.status),
      count: Number(r.count),
      lastAt: new Date(r.last_at ?? r.at).toISOString(),
    }));
  }

  /** When each consent was last used, for those used at all. */
  async lastUsed(consentIds: readonly string[]): Promise<Map<string, string>> {
    if (consentIds.length === 0) return new Map();
    const rows = await this.#db
      .selectFrom('access_audit')
      .select(['consent_id', (eb) => eb.fn.max(eb.fn.coalesce('last_at', 'at')).as('last')])
      .where('consent_id', 'in', consentIds)
      .groupBy('consent_id')
      .execute();
    return new Map(rows.map((r) => [r.consent_id, new Date(String(r.last)).toISOString()]));
  }
}
