/**
 * @module The transaction feed: holds become pending transactions with a stable transaction id (the
 * id their capture's posting takes), numbered events from a per-account counter taken under the
 * balance-row lock — `placed_version` and `version` (the latest change) — so a sync cursor can follow
 * them like postings follow `seq`, and the details a statement line shows. Entries get a `merchant`.
 * Existing holds are numbered in the order they last changed, as if placed and ended at once.
 */
import type { Kysely } from 'kysely';
import { type MigrationStep, newId } from '../../platform/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on tables the types do not know yet
type Db = Kysely<any>;

/** Gives existing holds versions 1…n per account, their transaction ids, and the balances their counter. */
async function backfillHolds(db: Db): Promise<void> {
  const holds = await db
    .selectFrom('holds')
    .select(['id', 'account_id', 'status', 'entry_id', 'created_at'])
    .orderBy('account_id')
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  const counters = new Map<string, number>();
  for (const hold of holds) {
    const version = (counters.get(hold.account_id) ?? 0) + 1;
    counters.set(hold.account_id, version);
    // A captured hold already has its booked line: the posting that debited the held account.
    const captured = hold.entry_id
      ? await db
          .selectFrom('postings')
          .select('id')
          .where('entry_id', '=', hold.entry_id)
          .where('account_id', '=', hold.account_id)
          .executeTakeFirst()
      : undefined;
    await db
      .updateTable('holds')
      .set({
        version,
        placed_version: version,
        transaction_id: captured?.id ?? newId('txn', Date.parse(hold.created_at)),
      })
      .where('id', '=', hold.id)
      .execute();
  }
  for (const [accountId, version] of counters) {
    await db
      .updateTable('balances')
      .set({ last_hold_version: version })
      .where('account_id', '=', accountId)
      .execute();
  }
}

export const transactionFeedMigration: MigrationStep = {
  name: '0002_transaction_feed',
  async up(db, env) {
    const t = env.columnTypes;
    // One column per statement: SQLite adds columns one at a time.
    const add = (table: string, column: string, type: 'text' | typeof t.bigint, counter = false) =>
      db.schema
        .alterTable(table)
        .addColumn(column, type, (c) => (counter ? c.notNull().defaultTo(0) : c))
        .execute();
    await add('balances', 'last_hold_version', t.bigint, true);
    await add('entries', 'merchant', 'text');
    for (const column of ['counterparty', 'category', 'merchant', 'transaction_id']) {
      await add('holds', column, 'text');
    }
    await add('holds', 'version', t.bigint, true);
    await add('holds', 'placed_version', t.bigint, true);
    await backfillHolds(db);
    await db.schema
      .createIndex('core_banking_holds_feed_idx')
      .on('holds')
      .columns(['account_id', 'version'])
      .unique()
      .execute();
    await db.schema
      .createIndex('core_banking_holds_placed_idx')
      .on('holds')
      .columns(['account_id', 'placed_version'])
      .unique()
      .execute();
    await db.schema
      .createIndex('core_banking_holds_transaction_idx')
      .on('holds')
      .column('transaction_id')
      .unique()
      .execute();
  },
};
