/**
 * @module The transactional outbox: business events are appended in the same database transaction
 * as the change that caused them (so an event exists exactly when its change committed), each with
 * its place in the publish order (`published_seq`), and published afterwards by the relay (at least
 * once; the event id lets consumers de-duplicate). The envelope follows CloudEvents 1.0.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { insertRows, type MigrationEnv, type MigrationStep, type ModuleMigrations } from '../db/index.ts';
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
  /** When the relay numbered it: a row appended without its number (SQLite, or an older writer). */
  published_at: string | null;
  /**
   * Its place in the publish order: the order of the event feed and the envelope's `sequence`.
   * Increasing, not dense (a rolled-back transaction leaves its numbers unused). On PostgreSQL it is
   * taken at insert (`events.next_published_seq()`: the transaction's id first, then the number), and
   * the relay publishes a number only once no transaction that may still commit a lower one is
   * running (see the relay). On SQLite, which has one writer at a time, the relay numbers new rows
   * in `seq` order. An event is published once the relay's watermark ({@link RelayStateTable}) has
   * reached it.
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
  /**
   * Goes up by one with every move of the watermark: the database refuses a move that leaves it as
   * it was, which is what a relay older than migration `0006_relay_guard` sends (see there).
   */
  revision: number | bigint;
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
    // `published_seq` is left to the column's default: the number on PostgreSQL, none on SQLite.
  }));
  await insertRows(trx as Kysely<EventTables>, 'outbox', rows, EVENTS_SCHEMA);
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

/** The sequence of `published_seq` on PostgreSQL, and the function that takes it (SQL names). */
export const PUBLISHED_SEQ = `${EVENTS_SCHEMA}.outbox_published_seq`;
export const NEXT_PUBLISHED_SEQ = `${EVENTS_SCHEMA}.next_published_seq`;
const OUTBOX = sql.raw(`${EVENTS_SCHEMA}.outbox`);

/**
 * On PostgreSQL a row takes its `published_seq` at insert, so the relay no longer updates every row
 * (that update was the largest part of the database's work per payment). The function takes the
 * transaction's id before the number: the relay's horizon relies on every transaction that holds a
 * number having an id older than any id assigned after the number was handed out. The sequence must
 * keep `CACHE 1` (numbers handed out in order, as `last_value` shows them). Numbers go on
 * from the highest one given so far (feed cursors stay valid); rows not numbered yet are numbered by
 * the relay as before. On SQLite nothing changes.
 */
const insertTimeNumberingMigration: MigrationStep = {
  name: '0005_numbered_at_insert',
  async up(db, env) {
    if (env.kind !== 'postgres') return;
    // After every number given so far, and after the watermark (rows below it may have been purged).
    const { rows } = await sql<{ start: string }>`select (greatest(
        (select max(published_seq) from ${OUTBOX}),
        (select max(published_upto) from ${sql.raw(`${EVENTS_SCHEMA}.relay_state`)}), 0) + 1)::text as start`.execute(
      db,
    );
    await sql`create sequence ${sql.raw(PUBLISHED_SEQ)} as bigint start with ${sql.raw(rows[0]!.start)}`.execute(
      db,
    );
    await sql`create function ${sql.raw(NEXT_PUBLISHED_SEQ)}() returns bigint
      language plpgsql volatile as $$
      begin
        perform pg_current_xact_id();
        return nextval('${sql.raw(PUBLISHED_SEQ)}');
      end $$`.execute(db);
    await sql`alter table ${OUTBOX}
      alter column published_seq set default ${sql.raw(NEXT_PUBLISHED_SEQ)}()`.execute(db);
  },
};

/**
 * A relay older than `0005_numbered_at_insert` must not run beside a newer one: it would publish
 * numbers above the horizon and move the watermark past a number still to be committed, and that
 * event would never be published (ADR 0011). Its watermark update (`set published_upto = …`) is now
 * refused by the database: the relay moves the watermark with its revision, and a trigger refuses an
 * update that leaves the revision as it was. An older relay therefore marks nothing: what it
 * publishes is published again (at least once, as after any failure), the watermark never passes
 * an event still to be committed, and the relay logs the error below and gives its advisory lock to
 * a newer relay. The relay of the version just before this migration sends the same update and is
 * refused alike. What the guard does not stop is an older relay's numbering of an older writer's
 * rows, which can take numbers the sequence will hand out later: older processes must still be
 * stopped before these migrations run (ADR 0011).
 */
const relayGuardMigration: MigrationStep = {
  name: '0006_relay_guard',
  async up(db, env) {
    await db.schema
      .alterTable('relay_state')
      .addColumn('revision', env.columnTypes.bigint, (c) => c.notNull().defaultTo(0))
      .execute();
    const refusal =
      'the outbox watermark was moved by a relay older than this version: stop the processes of ' +
      'older versions (ADR 0011)';
    if (env.kind === 'sqlite') {
      await sql
        .raw(
          `CREATE TRIGGER ${EVENTS_SCHEMA}_relay_state_revision BEFORE UPDATE ON ${EVENTS_SCHEMA}_relay_state ` +
            `FOR EACH ROW WHEN NEW.revision = OLD.revision BEGIN SELECT RAISE(ABORT, '${refusal}'); END`,
        )
        .execute(db);
      return;
    }
    await sql
      .raw(
        `CREATE FUNCTION ${EVENTS_SCHEMA}.relay_state_revision() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '${refusal}' USING ERRCODE = 'object_not_in_prerequisite_state'; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER relay_state_revision BEFORE UPDATE ON ${EVENTS_SCHEMA}.relay_state FOR EACH ROW ` +
          `WHEN (NEW.revision = OLD.revision) EXECUTE FUNCTION ${EVENTS_SCHEMA}.relay_state_revision()`,
      )
      .execute(db);
  },
};

export const eventsMigrations: ModuleMigrations = Object.freeze({
  module: EVENTS_SCHEMA,
  steps: [
    outboxMigration,
    publishOrderMigration,
    publishWatermarkMigration,
    numberedOnlyMigration,
    insertTimeNumberingMigration,
    relayGuardMigration,
  ],
});
