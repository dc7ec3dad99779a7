/**
 * @module The outbox relay: gives new outbox rows their `published_seq` in `seq` order (kept from
 * then on: a batch published again after a failure carries the same sequences), lets
 * `beforePublish` record what must exist before the events can be read (the event feed's routed
 * entries), publishes them to the event bus, then marks them published by moving its watermark
 * (`relay_state.published_upto`) to the batch's last sequence: one row update per event, and one
 * per batch. Readers of the outbox see a row once the watermark has reached it, so what they see is
 * always a prefix of the `published_seq` order. At least once: a crash between publishing and
 * marking publishes those rows again (same event ids, same sequences) after restart. One relay
 * works at a time: on PostgreSQL the process holding an advisory lock (the others stand by and take
 * over when it goes); on SQLite there is one process. Events of one aggregate keep their order
 * because their writers lock the aggregate's row before appending.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/index.ts';
import type { EventBus } from './bus.ts';
import { type CloudEvent, dataSchemaOf } from './envelope.ts';
import { EVENTS_SCHEMA, type EventTables, type OutboxTable } from './outbox.ts';

export interface RelayOptions {
  /** The CloudEvents `source`: this platform's public URL. */
  readonly source: string;
  readonly batchSize?: number;
  /** How often an idle relay looks for new rows. */
  readonly idleMs?: number;
  readonly onError: (err: unknown) => void;
  /** Called with the number of events published by each batch (metrics). */
  readonly onPublished?: (count: number) => void;
  /**
   * Runs before each batch is published and marked (again when the batch is retried): what readers
   * of the outbox need beside an event is recorded before they can see it. A failure retries the batch.
   */
  readonly beforePublish?: (events: readonly CloudEvent[]) => Promise<void>;
}

/** `hashtext('wekeza.outbox.relay')`-style constant: the advisory lock the active relay holds. */
const LOCK_KEY = 0x77656b65;

type Row = Omit<OutboxTable, 'seq'> & { seq: number | bigint };

export function toEnvelope(row: Row, source: string, publishedSeq: number): CloudEvent {
  return {
    specversion: '1.0',
    id: row.id,
    source,
    type: row.type,
    subject: row.subject,
    time: new Date(row.time).toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataSchemaOf(row.type, Number(row.data_version)),
    clientid: row.client_id,
    sequence: String(publishedSeq),
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

export class OutboxRelay {
  readonly #database: Database;
  readonly #bus: EventBus;
  readonly #opts: Required<Omit<RelayOptions, 'onPublished' | 'beforePublish'>> &
    Pick<RelayOptions, 'onPublished' | 'beforePublish'>;
  #stopping = false;
  #running: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(database: Database, bus: EventBus, options: RelayOptions) {
    this.#database = database;
    this.#bus = bus;
    this.#opts = { batchSize: 200, idleMs: 100, ...options };
  }

  start(): void {
    this.#running ??= this.#loop();
  }

  /** Look now (new rows were committed). */
  notify(): void {
    this.#wake?.();
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }

  async #loop(): Promise<void> {
    let backoff = 200;
    while (!this.#stopping) {
      try {
        const events = this.#database.schema<EventTables>(EVENTS_SCHEMA);
        if (this.#database.kind === 'sqlite') await this.#drain(events);
        else {
          await events.connection().execute(async (conn) => {
            const { rows } = await sql<{
              ok: boolean;
            }>`select pg_try_advisory_lock(${LOCK_KEY}) as ok`.execute(conn);
            if (!rows[0]?.ok) return this.#sleep(1000); // another process relays; stand by
            try {
              await this.#drain(conn);
            } finally {
              await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn).catch(() => {});
            }
          });
        }
        backoff = 200;
      } catch (err) {
        this.#opts.onError(err);
        await this.#sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /** Publishes batch after batch until stopped; throws on a database or broker failure. */
  async #drain(db: Kysely<EventTables>): Promise<void> {
    const state = await db
      .selectFrom('relay_state')
      .select('published_upto')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    let upto = Number(state.published_upto);
    // Rows a failed attempt numbered (above the watermark) go first, in their order, with their
    // numbers. Once they are published, none is left: only this relay numbers rows.
    let retried = false;
    while (!this.#stopping) {
      let rows: Row[] = [];
      if (!retried) {
        rows = await db
          .selectFrom('outbox')
          .selectAll()
          .where('published_seq', '>', upto)
          .orderBy('published_seq')
          .limit(this.#opts.batchSize)
          .execute();
        retried = rows.length < this.#opts.batchSize;
      }
      if (rows.length === 0) {
        rows = await db
          .selectFrom('outbox')
          .selectAll()
          .where('published_seq', 'is', null)
          .orderBy('seq')
          .limit(this.#opts.batchSize)
          .execute();
        if (rows.length === 0) {
          await this.#sleep(this.#opts.idleMs);
          continue;
        }
        rows = await this.#number(db, rows, upto);
      }
      const envelopes = rows.map((r) => toEnvelope(r, this.#opts.source, Number(r.published_seq)));
      await this.#opts.beforePublish?.(envelopes);
      await this.#bus.publish(envelopes);
      upto = Number(rows.at(-1)!.published_seq);
      await db.updateTable('relay_state').set({ published_upto: upto }).where('id', '=', 1).execute();
      this.#opts.onPublished?.(rows.length);
    }
  }

  /** Numbers new rows `upto + 1`, `upto + 2`, … in `seq` order, in one statement. */
  async #number(db: Kysely<EventTables>, rows: readonly Row[], upto: number): Promise<Row[]> {
    const publishedAt = new Date().toISOString();
    if (this.#database.kind === 'postgres') {
      // A text of fixed shape (prepared once), whatever the number of rows.
      await sql`update ${sql.table(`${EVENTS_SCHEMA}.outbox`)} as o
        set published_seq = ${upto}::bigint + v.n, published_at = ${publishedAt}
        from unnest(${rows.map((r) => String(r.seq))}::bigint[]) with ordinality as v(seq, n)
        where o.seq = v.seq`.execute(db);
    } else {
      await db
        .updateTable('outbox')
        .set((eb) => {
          let order = eb
            .case()
            .when('seq', '=', rows[0]!.seq)
            .then(upto + 1);
          for (const [i, r] of rows.entries())
            if (i > 0) order = order.when('seq', '=', r.seq).then(upto + 1 + i);
          return { published_seq: order.end(), published_at: publishedAt };
        })
        .where(
          'seq',
          'in',
          rows.map((r) => r.seq),
        )
        .execute();
    }
    return rows.map((r, i) => ({ ...r, published_seq: upto + 1 + i, published_at: publishedAt }));
  }
}
