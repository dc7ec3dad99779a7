/**
 * @module The transactional outbox: business events are appended in the same database transaction
 * as the change that caused them (so an event exists exactly when its change committed), numbered in
 * commit order per aggregate by `seq`, and published afterwards by the relay (at least once; the
 * event id lets consumers de-duplicate). The envelope follows CloudEvents 1.0.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { MigrationEnv, MigrationStep, ModuleMigrations } from '../db/index.ts';
import { newId } from '../ids.ts';

export const EVENTS_SCHEMA = 'events';

export interface NewEvent {
  /** Dotted, past tense: `payment.completed`, `consent.revoked`. */
  readonly type: string;
  /** What it is about: `payments/pay_…`, `consents/cns_…`. */
  readonly subject: string;
  /** Events of one aggregate are published in the order they were appended. */
  readonly aggregate: string;
  /** The app the event concerns (its webhooks and event feed receive it), if any. */
  readonly clientId: string | null;
  /** The payload, versioned by `dataVersion`. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly dataVersion?: number;
}

export interface OutboxTable {
  seq: import('kysely').Generated<number | bigint>;
  id: string;
  type: string;
  subject: string;
  aggregate: string;
  client_id: string | null;
  time: string;
  data_version: number;
  data: string;
  /** When the relay numbered it (took it up to publish). */
  published_at: string | null;
  /**
   * 1, 2, 3… in the order the relay published (one relay at a time): the order of the event feed
   * and the envelope's `sequence`. Unlike `seq` (taken at insert), it never lets a late commit
   * slip behind a cursor. An event is published once the relay's watermark
   * ({@link RelayStateTable}) has reached it.
   */
  published_seq: number | bigint | null;
}

/**
 * One row (`id` 1): the relay's watermark. Every event numbered up to `published_upto` has been
 * published; readers of the outbox see those, so what they see is a prefix of the publish order.
 */
export interface RelayStateTable {
  id: number;
  published_upto: number | bigint;
}

export interface EventTables {
  outbox: OutboxTable;
  relay_state: RelayStateTable;
}

/**
 * Appends events inside the caller's transaction (any module's: the outbox lives in its own schema).
 * Returns the event ids.
 */
export async function appendEvents(
  // biome-ignore lint/suspicious/noExplicitAny: a transaction of any module's tables
  trx: Transaction<any> | Kysely<any>,
  events: readonly NewEvent[],
  now: Date = new Date(),
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    id: newId('evt', now.getTime()),
    type: e.type,
    subject: e.subject,
    aggregate: e.aggregate,
    client_id: e.clientId,
    time: now.toISOString(),
    data_version: e.dataVersion ?? 1,
    data: JSON.stringify(e.data),
    published_at: null,
    published_seq: null,
  }));
  await (trx as Kysely<EventTables>).withSchema(EVENTS_SCHEMA).insertInto('outbox').values(rows).execute();
  return rows.map((r) => r.id);
}

const outboxMigration: MigrationStep = {
  name: '0001_outbox',
  async up(db, env) {
    const t = env.columnTypes;
    await db.schema
      .createTable('outbox')
      .addColumn('seq', t.bigint, (c) =>
        env.kind === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('aggregate', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text')
      .addColumn('time', t.timestamp, (c) => c.notNull())
      .addColumn('data_version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('published_at', t.timestamp)
      .execute();
    // The relay's work list: unpublished events in order.
    await db.schema
      .createIndex('outbox_unpublished_idx')
      .on('outbox')
      .column('seq')
      .where(sql.ref('published_at'), 'is', null)
      .execute();
    // The app's event feed (polling): its events in order.
    await db.schema.createIndex('outbox_client_idx').on('outbox').columns(['client_id', 'seq']).execute();
  },
};

const publishOrderMigration: MigrationStep = {
  name: '0002_publish_order',
  async up(db, env) {
    await db.schema.alterTable('outbox').addColumn('published_seq', env.columnTypes.bigint).execute();
    await db.schema
      .createIndex('outbox_published_seq_idx')
      .on('outbox')
      .column('published_seq')
      .unique()
      .execute();
    await db.schema
      .createIndex('outbox_client_published_idx')
      .on('outbox')
      .columns(['client_id', 'published_seq'])
      .execute();
  },
};

// biome-ignore lint/suspicious/noExplicitAny: a migration's untyped handle
async function dropIndexes(db: Kysely<any>, env: MigrationEnv, names: readonly string[]): Promise<void> {
  for (const index of names) {
    // SQLite's index names are not prefixed with the module's (see the schema-prefix plugin).
    if (env.kind === 'sqlite') await sql`drop index ${sql.id(index)}`.execute(db);
    else await db.schema.dropIndex(index).execute();
  }
}

/**
 * The relay marks what it published with one watermark instead of a second update of every row: an
 * event costs the outbox one insert and one update. The work list becomes the rows not yet numbered;
 * the `(client_id, seq)` index no reader uses any longer goes.
 */
const publishWatermarkMigration: MigrationStep = {
  name: '0003_publish_watermark',
  async up(db, env) {
    await db.schema
      .createTable('relay_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('published_upto', env.columnTypes.bigint, (c) => c.notNull())
      .execute();
    // Rows numbered but not marked (a batch a failed attempt left) lie above every marked one.
    const marked = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('published_seq').as('last'))
      .where('published_at', 'is not', null)
      .executeTakeFirst();
    await db
      .insertInto('relay_state')
      .values({ id: 1, published_upto: marked?.last ?? 0 })
      .execute();
    await db.schema
      .createIndex('outbox_unnumbered_idx')
      .on('outbox')
      .column('seq')
      .where(sql.ref('published_seq'), 'is', null)
      .execute();
    await dropIndexes(db, env, ['outbox_unpublished_idx', 'outbox_client_idx']);
  },
};

/**
 * The indexes on `published_seq` hold numbered rows only: a new row (not numbered yet) costs them
 * nothing at insert, and every query on them asks for numbered rows (`published_seq > …`).
 */
const numberedOnlyMigration: MigrationStep = {
  name: '0004_numbered_only_indexes',
  async up(db, env) {
    const numbered = sql.ref('published_seq');
    await db.schema
      .createIndex('outbox_numbered_seq_idx')
      .on('outbox')
      .column('published_seq')
      .unique()
      .where(numbered, 'is not', null)
      .execute();
    await db.schema
      .createIndex('outbox_client_numbered_idx')
      .on('outbox')
      .columns(['client_id', 'published_seq'])
      .where(numbered, 'is not', null)
      .execute();
    await dropIndexes(db, env, ['outbox_published_seq_idx', 'outbox_client_published_idx']);
  },
};

export const eventsMigrations: ModuleMigrations = Object.freeze({
  module: EVENTS_SCHEMA,
  steps: [outboxMigration, publishOrderMigration, publishWatermarkMigration, numberedOnlyMigration],
});
