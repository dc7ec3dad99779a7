/**
 * @module Payments schema: payments (amounts in integer minor units, checked positive), the
 * append-only status history, and idempotency keys unique per app.
 */
import { sql } from 'kysely';
import { appendOnly, type MigrationStep } from '../../platform/index.ts';
import { SCHEMA } from '../tables.ts';

export const paymentsMigration: MigrationStep = {
  name: '0001_payments',
  async up(db, env) {
    const s = db.schema;
    const t = env.columnTypes;
    await s
      .createTable('payments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('consent_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('debtor_account_id', 'text', (c) => c.notNull())
      .addColumn('creditor_name', 'text', (c) => c.notNull())
      .addColumn('creditor_account_number', 'text')
      .addColumn('creditor_bank_code', 'text')
      .addColumn('creditor_mobile_number', 'text')
      .addColumn('credit_account_id', 'text', (c) => c.notNull())
      .addColumn('beneficiary', 'text', (c) => c.notNull())
      .addColumn('amount', t.bigint, (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('fee', t.bigint, (c) => c.notNull().check(sql`fee >= 0`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('pending', 'under_review', 'completed', 'rejected')`),
      )
      .addColumn('iso_status', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`phase in ('decided', 'awaiting_review', 'review_approved', 'review_rejected', 'releasing', 'done')`,
          ),
      )
      .addColumn('decision', 'text', (c) =>
        c.notNull().check(sql`decision in ('approve', 'review', 'decline')`),
      )
      .addColumn('risk_decision_id', 'text', (c) => c.notNull())
      .addColumn('reason_code', 'text')
      .addColumn('reason', 'text')
      .addColumn('hold_id', 'text')
      .addColumn('fee_hold_id', 'text')
      .addColumn('entry_id', 'text')
      .addColumn('fee_entry_id', 'text')
      .addColumn('review_actor', 'text')
      .addColumn('review_note', 'text')
      .addColumn('lease_until', t.timestamp)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    // An app's payments under one consent, newest first, optionally by status (ids sort by time).
    await s
      .createIndex('payments_consent_idx')
      .on('payments')
      .columns(['client_id', 'consent_id', 'status', 'id'])
      .execute();
    await s
      .createIndex('payments_consent_all_idx')
      .on('payments')
      .columns(['client_id', 'consent_id', 'id'])
      .execute();
    // The operator's queues (under review) and the recovery sweep (in flight, lease run out).
    await s.createIndex('payments_status_idx').on('payments').columns(['status', 'id']).execute();
    await s.createIndex('payments_phase_idx').on('payments').columns(['phase', 'lease_until']).execute();

    await s
      .createTable('payment_history')
      .addColumn('id', t.bigint, (c) =>
        env.kind === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('iso_status', 'text', (c) => c.notNull())
      .addColumn('reason_code', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .execute();
    await s
      .createIndex('payment_history_payment_idx')
      .on('payment_history')
      .columns(['payment_id', 'id'])
      .execute();

    await s
      .createTable('idempotency_keys')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('payment_id', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['client_id', 'key'])
      .execute();
    await s.createIndex('idempotency_keys_expiry_idx').on('idempotency_keys').column('expires_at').execute();

    await appendOnly(db, env, SCHEMA, ['payment_history']);
  },
};
