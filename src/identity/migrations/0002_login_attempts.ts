/** @module Failed customer logins per username, for the lockout. */
import type { MigrationStep } from '../../platform/index.ts';

export const loginAttemptsMigration: MigrationStep = {
  name: '0002_login_attempts',
  async up(db, env) {
    await db.schema
      .createTable('login_attempts')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('failures', env.columnTypes.bigint, (c) => c.notNull())
      .addColumn('locked_until', env.columnTypes.bigint)
      .execute();
  },
};
