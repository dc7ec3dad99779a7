/**
 * @module What every core-banking function receives: the module's own Kysely handle (schema
 * `core_banking`), the platform database for backend facts, and the clock.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/index.ts';
import { type CoreBankingTables, SCHEMA } from './tables.ts';

export interface LedgerContext {
  readonly database: Database;
  readonly db: Kysely<CoreBankingTables>;
  readonly now: () => Date;
}

export type Tx = Transaction<CoreBankingTables>;

/**
 * Runs `work` in a transaction; if it loses a race on a unique key (two requests with one reference),
 * `recover` answers from the row the winner wrote.
 */
export async function inTransaction<T>(
  ctx: LedgerContext,
  work: (trx: Tx) => Promise<T>,
  recover?: () => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(work);
  } catch (err) {
    if (recover && ctx.database.isUniqueViolation(err)) return recover();
    throw err;
  }
}

export const createLedgerContext = (
  database: Database,
  now: () => Date = () => new Date(),
): LedgerContext => ({
  database,
  db: database.schema<CoreBankingTables>(SCHEMA),
  now,
});
