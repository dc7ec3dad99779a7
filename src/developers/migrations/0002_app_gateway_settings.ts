/**
 * @module Gateway settings of an app: its IP allow-list (CIDR blocks, JSON; empty means any), its
 * rate-limit tier (set by the bank's operator), and a revision bumped by every change to the app, so
 * that caches of the app can tell an older copy from a newer one.
 */
import type { MigrationStep } from '../../platform/index.ts';

export const appGatewaySettingsMigration: MigrationStep = {
  name: '0002_app_gateway_settings',
  async up(db, env) {
    const t = env.columnTypes;
    await db.schema
      .alterTable('apps')
      .addColumn('ip_allowlist', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('apps')
      .addColumn('rate_limit_tier', 'text', (c) => c.notNull().defaultTo('standard'))
      .execute();
    await db.schema
      .alterTable('apps')
      .addColumn('revision', t.bigint, (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
