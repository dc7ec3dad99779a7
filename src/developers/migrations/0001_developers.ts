/**
 * @module Developers schema: developer accounts, their bearer-token sessions (digests only) and their
 * apps, the OAuth clients (secret digests only; soft-deleted so a client id is never reused).
 */
import { sql } from 'kysely';
import type { MigrationStep } from '../../platform/index.ts';

export const developersMigration: MigrationStep = {
  name: '0001_developers',
  async up(db, env) {
    const s = db.schema;
    const t = env.columnTypes;

    await s
      .createTable('developers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();

    await s
      .createTable('developer_sessions')
      .addColumn('token_digest', 'text', (c) => c.primaryKey())
      .addColumn('developer_id', 'text', (c) => c.notNull().references('developers.id'))
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();
    await s
      .createIndex('developers_sessions_developer_idx')
      .on('developer_sessions')
      .column('developer_id')
      .execute();

    await s
      .createTable('apps')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('developer_id', 'text', (c) => c.notNull().references('developers.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('redirect_uris', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('token_endpoint_auth_method', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`token_endpoint_auth_method in ('client_secret_basic', 'client_secret_post', 'private_key_jwt')`,
          ),
      )
      .addColumn('jwks_uri', 'text')
      .addColumn('jwks', 'text')
      .addColumn('require_par', 'integer', (c) => c.notNull().check(sql`require_par in (0, 1)`))
      .addColumn('refresh_token_rotation', 'integer', (c) =>
        c.notNull().check(sql`refresh_token_rotation in (0, 1)`),
      )
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'suspended')`))
      .addColumn('secret_digest', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addColumn('deleted_at', t.timestamp)
      .execute();
    await s.createIndex('developers_apps_developer_idx').on('apps').column('developer_id').execute();
  },
};
