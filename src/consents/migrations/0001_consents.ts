/**
 * @module Consents schema: the consents and their append-only status history. Updates and deletes
 * of history rows are refused by database triggers on both backends.
 */
import { type Kysely, sql } from 'kysely';
import type { MigrationEnv, MigrationStep } from '../../platform/index.ts';
import { SCHEMA } from '../tables.ts';

const HISTORY = 'consent_history';

// biome-ignore lint/suspicious/noExplicitAny: migration handle
async function appendOnlyHistory(db: Kysely<any>, env: MigrationEnv): Promise<void> {
  if (env.kind === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${SCHEMA}_${HISTORY}_no_${op.toLowerCase()} BEFORE ${op} ON ${SCHEMA}_${HISTORY} ` +
            `BEGIN SELECT RAISE(ABORT, 'the consent history is append-only: it cannot be changed'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${SCHEMA}.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the consent history is append-only: % cannot be changed', TG_TABLE_NAME
         USING ERRCODE = 'restrict_violation'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${HISTORY}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${SCHEMA}.${HISTORY} ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION ${SCHEMA}.append_only()`,
    )
    .execute(db);
}

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

    await appendOnlyHistory(db, env);
  },
};
