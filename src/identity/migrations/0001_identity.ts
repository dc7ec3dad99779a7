/** @module Identity schema: oidc-provider's stored models (codes, grants, sessions…) and signing keys. */
import type { MigrationStep } from '../../platform/index.ts';

export const identityMigration: MigrationStep = {
  name: '0001_identity',
  async up(db, env) {
    const t = env.columnTypes;
    await db.schema
      .createTable('oidc_payloads')
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('grant_id', 'text')
      .addColumn('uid', 'text')
      .addColumn('user_code', 'text')
      .addColumn('expires_at', t.bigint)
      .addColumn('consumed_at', t.bigint)
      .addPrimaryKeyConstraint('identity_oidc_payloads_pk', ['model', 'id'])
      .execute();
    await db.schema.createIndex('identity_oidc_grant_idx').on('oidc_payloads').column('grant_id').execute();
    await db.schema.createIndex('identity_oidc_uid_idx').on('oidc_payloads').column('uid').execute();
    await db.schema
      .createIndex('identity_oidc_expiry_idx')
      .on('oidc_payloads')
      .column('expires_at')
      .execute();

    await db.schema
      .createTable('signing_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('alg', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('encrypted_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();
  },
};
