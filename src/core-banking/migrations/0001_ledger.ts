/**
 * @module Core banking schema: customers, accounts, balances, the double-entry journal (entries and
 * postings) and holds. The journal is append-only, enforced by database triggers on both backends.
 */
import { sql } from 'kysely';
import { appendOnly, type MigrationStep } from '../../platform/index.ts';
import { SCHEMA } from '../tables.ts';

export const ledgerMigration: MigrationStep = {
  name: '0001_ledger',
  async up(db, env) {
    const s = db.schema;
    const t = env.columnTypes;

    await s
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('kyc_status', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();

    await s
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.references(`customers.id`))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('customer', 'internal')`))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('account_number', 'text', (c) => c.notNull().unique())
      .addColumn('nickname', 'text', (c) => c.notNull())
      .addColumn('overdraft_limit', t.bigint, (c) => c.notNull().check(sql`overdraft_limit >= 0`))
      .addColumn('opened_on', t.date, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();
    await s.createIndex('core_banking_accounts_customer_idx').on('accounts').column('customer_id').execute();

    await s
      .createTable('balances')
      .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('current', t.bigint, (c) => c.notNull())
      .addColumn('held', t.bigint, (c) => c.notNull().check(sql`held >= 0`))
      .addColumn('last_seq', t.bigint, (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();

    await s
      .createTable('entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('booked_at', t.timestamp, (c) => c.notNull())
      .addColumn('value_date', t.date, (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('counterparty', 'text')
      .addColumn('category', 'text')
      .addColumn('reverses_entry_id', 'text', (c) => c.unique().references('entries.id'))
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();

    await s
      .createTable('postings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entry_id', 'text', (c) => c.notNull().references('entries.id'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('amount', t.bigint, (c) => c.notNull().check(sql`amount <> 0`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('balance_after', t.bigint, (c) => c.notNull())
      .addColumn('seq', t.bigint, (c) => c.notNull().check(sql`seq > 0`))
      .addColumn('booked_at', t.timestamp, (c) => c.notNull())
      .addColumn('value_date', t.date, (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('counterparty', 'text')
      .addColumn('category', 'text')
      .execute();
    await s
      .createIndex('core_banking_postings_statement_idx')
      .on('postings')
      .columns(['account_id', 'seq'])
      .unique()
      .execute();
    await s.createIndex('core_banking_postings_entry_idx').on('postings').column('entry_id').execute();

    await s
      .createTable('holds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('amount', t.bigint, (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('active', 'released', 'captured')`),
      )
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) => c.references('entries.id'))
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    await s
      .createIndex('core_banking_holds_account_idx')
      .on('holds')
      .columns(['account_id', 'status'])
      .execute();

    await appendOnly(db, env, SCHEMA, ['entries', 'postings']);
  },
};
