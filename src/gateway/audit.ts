/**
 * @module The audit trail of customer-data access: one record per request made with a customer
 * token (which app, which customer, under which consent, which account, which route, the outcome).
 * Records are buffered and written in batches every second (and at shutdown), off the request's
 * path; a crash can lose the last second. The customer reads their trail on the consent page.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AccessAuditTable, GatewayTables } from './tables.ts';

export type AccessRecord = Insertable<AccessAuditTable>;

export interface AccessEntry {
  readonly at: string;
  readonly clientId: string;
  readonly accountId: string | null;
  readonly method: string;
  readonly route: string;
  readonly status: number;
}

/** Held in memory at most, should the database stay unreachable; older records are dropped first. */
const MAX_BUFFERED = 50_000;
const BATCH = 200;

export class AuditTrail {
  readonly #db: Kysely<GatewayTables>;
  readonly #onDropped: (count: number) => void;
  #buffer: AccessRecord[] = [];
  #flushing: Promise<void> = Promise.resolve();

  constructor(db: Kysely<GatewayTables>, onDropped: (count: number) => void) {
    this.#db = db;
    this.#onDropped = onDropped;
  }

  record(entry: AccessRecord): void {
    this.#buffer.push(entry);
    if (this.#buffer.length >= BATCH * 5) void this.flush().catch(() => {});
  }

  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#write());
    return this.#flushing;
  }

  async #write(): Promise<void> {
    while (this.#buffer.length > 0) {
      const batch = this.#buffer.slice(0, BATCH);
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

  /** The consent's access records, newest first. */
  async history(consentId: string, limit: number): Promise<AccessEntry[]> {
    const rows = await this.#db
      .selectFrom('access_audit')
      .select(['at', 'client_id', 'account_id', 'method', 'route', 'status'])
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
    }));
  }

  /** When each consent was last used, for those used at all. */
  async lastUsed(consentIds: readonly string[]): Promise<Map<string, string>> {
    if (consentIds.length === 0) return new Map();
    const rows = await this.#db
      .selectFrom('access_audit')
      .select(['consent_id', (eb) => eb.fn.max('at').as('last')])
      .where('consent_id', 'in', consentIds)
      .groupBy('consent_id')
      .execute();
    return new Map(rows.map((r) => [r.consent_id, new Date(String(r.last)).toISOString()]));
  }
}
