/**
 * @module Consents schema: the consents and their append-only status history. Updates and deletes
 * of history rows are refused by database triggers on both backends.
 */
import { sql } from 'kysely';
import { appendOnly, type MigrationStep } from '../../platform/index.ts';
import { SCHEMA } from '../tables.ts';

const HISTORY = 'consent_history';

export const consentsMigration: MigrationStep = {
  name: '0001_consents',
  async up(db, env) {
    const s = db.schema;
    const t = env.columnTypes;

    await s
      .createTable('consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .check(sql`status in ('awaiting_authorization', 'authorized', 'rejected', 'revoked', 'expired')`),
      )
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addColumn('transaction_from_date', t.date)
      .addColumn('transaction_to_date', t.date)
      .addColumn('max_amount', t.bigint, (c) => c.check(sql`max_amount > 0`))
      .addColumn('max_amount_currency', 'text')
      .addColumn('customer_id', 'text')
      .addColumn('account_ids', 'text', (c) => c.notNull())
      .addColumn('grant_id', 'text')
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addColumn('authorized_at', t.timestamp)
      .addCheckConstraint(
        'consents_max_amount_pair',
        sql`(max_amount is null) = (max_amount_currency is null)`,
      )
      .execute();
    await s.createIndex('consents_client_idx').on('consents').column('client_id').execute();
    await s
      .createIndex('consents_customer_idx')
      .on('consents')
      .columns(['customer_id', 'created_at'])
      .execute();
    await s.createIndex('consents_grant_idx').on('consents').column('grant_id').execute();

    await s
      .createTable(HISTORY)
      .addColumn('id', t.bigint, (c) =>
        env.kind === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn('consent_id', 'text', (c) => c.notNull().references('consents.id'))
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('consents_history_consent_idx').on(HISTORY).column('consent_id').execute();

    await appendOnly(db, env, SCHEMA, [HISTORY]);
  },
};
