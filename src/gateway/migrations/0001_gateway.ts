/**
 * @module Gateway schema: the audit trail of customer-data access (append-only: who read what,
 * when, under which consent) and hourly usage per app and route (requests, errors, latency).
 */
import { appendOnly, type MigrationStep } from '../../platform/index.ts';
import { SCHEMA } from '../tables.ts';

export const gatewayMigration: MigrationStep = {
  name: '0001_gateway',
  async up(db, env) {
    const s = db.schema;
    const t = env.columnTypes;
    await s
      .createTable('access_audit')
      .addColumn('id', t.bigint, (c) =>
        env.kind === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('consent_id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text')
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .execute();
    await s
      .createIndex('access_audit_consent_idx')
      .on('access_audit')
      .columns(['consent_id', 'id'])
      .execute();
    await s
      .createIndex('access_audit_customer_idx')
      .on('access_audit')
      .columns(['customer_id', 'id'])
      .execute();
    await appendOnly(db, env, SCHEMA, ['access_audit']);

    await s
      .createTable('usage_hourly')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('hour', t.timestamp, (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('requests', t.bigint, (c) => c.notNull())
      .addColumn('errors', t.bigint, (c) => c.notNull())
      .addColumn('latency_us_sum', t.bigint, (c) => c.notNull())
      .addColumn('latency_us_max', t.bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint('usage_hourly_pk', ['client_id', 'hour', 'route'])
      .execute();
  },
};
