/**
 * @module Webhooks schema: endpoints, messages (unique per event and endpoint, so a re-published
 * event fans out once), attempts, routed feed entries and developer notifications. The dispatcher's
 * work list is a partial index of pending messages by due time.
 */
import { sql } from 'kysely';
import type { MigrationStep } from '../../platform/index.ts';

export const webhooksMigration: MigrationStep = {
  name: '0001_webhooks',
  async up(db, env) {
    const s = db.schema;
    const t = env.columnTypes;

    await s
      .createTable('endpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('event_types', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('enabled', 'disabled')`))
      .addColumn('disabled_reason', 'text')
      .addColumn('secret_box', 'text', (c) => c.notNull())
      .addColumn('previous_secret_box', 'text')
      .addColumn('previous_secret_expires_at', t.timestamp)
      .addColumn('failing_since', t.timestamp)
      .addColumn('warned_at', t.timestamp)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addColumn('deleted_at', t.timestamp)
      .execute();
    await s.createIndex('webhooks_endpoints_client_idx').on('endpoints').column('client_id').execute();

    await s
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('endpoint_id', 'text', (c) => c.notNull().references('endpoints.id'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('pending', 'delivered', 'failed', 'cancelled')`),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', t.timestamp)
      .addColumn('claimed_by', 'text')
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('webhooks_messages_event_endpoint_key', ['event_id', 'endpoint_id'])
      .execute();
    await s
      .createIndex('webhooks_messages_due_idx')
      .on('messages')
      .column('next_attempt_at')
      .where(sql.ref('status'), '=', 'pending')
      .execute();
    await s
      .createIndex('webhooks_messages_endpoint_idx')
      .on('messages')
      .columns(['endpoint_id', 'status'])
      .execute();
    await s.createIndex('webhooks_messages_updated_idx').on('messages').column('updated_at').execute();

    await s
      .createTable('attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
      .addColumn('endpoint_id', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('attempted_at', t.timestamp, (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('latency_ms', 'integer', (c) => c.notNull())
      .addColumn('succeeded', 'integer', (c) => c.notNull().check(sql`succeeded in (0, 1)`))
      .addColumn('error', 'text')
      .addColumn('response_snippet', 'text')
      .execute();
    await s
      .createIndex('webhooks_attempts_endpoint_idx')
      .on('attempts')
      .columns(['endpoint_id', 'id'])
      .execute();
    await s.createIndex('webhooks_attempts_message_idx').on('attempts').column('message_id').execute();

    await s
      .createTable('feed_entries')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('seq', t.bigint, (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('webhooks_feed_entries_pkey', ['client_id', 'event_id'])
      .execute();
    await s
      .createIndex('webhooks_feed_entries_seq_idx')
      .on('feed_entries')
      .columns(['client_id', 'seq'])
      .execute();

    await s
      .createTable('notifications')
      .addColumn('id', t.bigint, (c) =>
        env.kind === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('endpoint_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute();
    await s
      .createIndex('webhooks_notifications_client_idx')
      .on('notifications')
      .columns(['client_id', 'id'])
      .execute();
  },
};
