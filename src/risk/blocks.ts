/**
 * @module The payee block list: a blocked payee's payments are declined by the fraud system. Read
 * from a copy in memory refreshed every two seconds (so a block made by another process, such as the
 * CLI, applies within two seconds; one made through this process's operator API, at once).
 */
import type { Kysely } from 'kysely';
import type { RiskTables } from './tables.ts';
import type { BeneficiaryBlock } from './types.ts';

const REFRESH_MS = 2000;

export class BlockList {
  readonly #db: Kysely<RiskTables>;
  readonly #now: () => number;
  #blocked = new Set<string>();
  #loadedAt = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | undefined;

  constructor(db: Kysely<RiskTables>, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  /** Whether the payee is blocked; waits for the first load only. */
  async has(beneficiary: string): Promise<boolean> {
    if (this.#now() - this.#loadedAt > REFRESH_MS) {
      const loading = this.#load();
      if (this.#loadedAt === Number.NEGATIVE_INFINITY) await loading;
      else loading.catch(() => {});
    }
    return this.#blocked.has(beneficiary);
  }

  #load(): Promise<void> {
    this.#loading ??= this.#db
      .selectFrom('blocks')
      .select('beneficiary')
      .execute()
      .then((rows) => {
        this.#blocked = new Set(rows.map((r) => r.beneficiary));
        this.#loadedAt = this.#now();
      })
      .finally(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }

  async block(beneficiary: string, reason: string, actor: string): Promise<BeneficiaryBlock> {
    const at = new Date(this.#now()).toISOString();
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom('blocks').where('beneficiary', '=', beneficiary).execute();
      await trx.insertInto('blocks').values({ beneficiary, reason, actor, blocked_at: at }).execute();
      await trx
        .insertInto('block_history')
        .values({ beneficiary, action: 'block', reason, actor, at })
        .execute();
    });
    this.#blocked.add(beneficiary);
    return { beneficiary, reason, actor, blockedAt: at };
  }

  /** Removes a block; false when the payee was not blocked. */
  async unblock(beneficiary: string, reason: string, actor: string): Promise<boolean> {
    const at = new Date(this.#now()).toISOString();
    const removed = await this.#db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('blocks').where('beneficiary', '=', beneficiary).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return false;
      await trx
        .insertInto('block_history')
        .values({ beneficiary, action: 'unblock', reason, actor, at })
        .execute();
      return true;
    });
    this.#blocked.delete(beneficiary);
    return removed;
  }

  async list(): Promise<BeneficiaryBlock[]> {
    const rows = await this.#db.selectFrom('blocks').selectAll().orderBy('blocked_at', 'desc').execute();
    return rows.map((r) => ({
      beneficiary: r.beneficiary,
      reason: r.reason,
      actor: r.actor,
      blockedAt: r.blocked_at,
    }));
  }
}
