/**
 * @module Repeats of one access within a second become one audit record with a count and the time
 * of the last repeat. Adding columns leaves the append-only table's rows as they were.
 */
import type { MigrationStep } from '../../platform/index.ts';

export const auditCountsMigration: MigrationStep = {
  name: '0002_audit_counts',
  async up(db, env) {
    await db.schema
      .alterTable('access_audit')
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('access_audit').addColumn('last_at', env.columnTypes.timestamp).execute();
  },
};
