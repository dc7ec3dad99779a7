/**
 * @module Risk schema: the stored decisions (append-only: an explanation is never rewritten), the
 * payee block list and its append-only history.
 */
import { appendOnly, type MigrationStep } from '../../platform/index.ts';
import { SCHEMA } from '../tables.ts';

export const riskMigration: MigrationStep = {
  name: '0001_risk',
  async up(db, env) {
    const s = db.schema;
    const t = env.columnTypes;
    await s
      .createTable('decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('payment_id', 'text', (c) => c.notNull().unique())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('proposed', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('risk_score', 'integer', (c) => c.notNull())
      .addColumn('fraud_score', 'integer', (c) => c.notNull())
      .addColumn('hits', 'text', (c) => c.notNull())
      .addColumn('facts', 'text', (c) => c.notNull())
      .addColumn('signals', 'text')
      .addColumn('timed_out', 'integer', (c) => c.notNull())
      .addColumn('duration_us', 'integer', (c) => c.notNull())
      .addColumn('decided_at', t.timestamp, (c) => c.notNull())
      .execute();
    await s
      .createIndex('decisions_customer_idx')
      .on('decisions')
      .columns(['customer_id', 'decided_at'])
      .execute();

    await s
      .createTable('blocks')
      .addColumn('beneficiary', 'text', (c) => c.primaryKey())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('blocked_at', t.timestamp, (c) => c.notNull())
      .execute();
    await s
      .createTable('block_history')
      .addColumn('id', t.bigint, (c) =>
        env.kind === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn('beneficiary', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .execute();

    await appendOnly(db, env, SCHEMA, ['decisions', 'block_history']);
  },
};
