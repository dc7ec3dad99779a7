/**
 * @module The outbox relay: publishes outbox rows to the event bus in `published_seq` order, lets
 * `beforePublish` first record what must exist before the events can be read (the event feed's
 * routed entries), then marks them published by moving its watermark (`relay_state.published_upto`)
 * to the batch's last sequence: one row update per batch. Readers of the outbox see a row once the
 * watermark has reached it, so what they see is always a prefix of the publish order. At least once:
 * a crash between publishing and marking publishes those rows again (same event ids, same sequences)
 * after restart. One relay works at a time: on PostgreSQL the process holding an advisory lock (the
 * others stand by and take over when it goes); on SQLite there is one process. Events of one
 * aggregate keep their order because their writers lock the aggregate's row before appending.
 *
 * On PostgreSQL rows are numbered at insert, by concurrent transactions that commit in any order: a
 * number may become visible after a higher one was. So the relay publishes a number only below its
 * horizon — the last number handed out (read from the sequence) once every transaction that may
 * hold a number up to it has ended. A transaction takes its id before its number (see the outbox), so
 * those are the transactions with ids older than one the relay takes after reading the number; they
 * have all ended when a later snapshot's `xmin` has passed that id (see `Horizon`). A rolled-back
 * transaction leaves its numbers unused. A long write transaction anywhere on the PostgreSQL cluster
 * therefore delays publishing (never a payment) until it ends. Rows appended without a number (by an
 * older writer) are numbered by the relay, from the
 * same sequence. On SQLite, with one writer at a time, the relay numbers new rows in `seq` order.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/index.ts';
import type { EventBus } from './bus.ts';
import { type CloudEvent, dataSchemaOf } from './envelope.ts';
import {
  EVENTS_SCHEMA,
  type EventTables,
  NEXT_PUBLISHED_SEQ,
  type OutboxTable,
  PUBLISHED_SEQ,
} from './outbox.ts';

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
  #horizon: Horizon | undefined;

  constructor(database: Database, bus: EventBus, options: RelayOptions) {
    this.#database = database;
    this.#bus = bus;
    this.#opts = { batchSize: 200, idleMs: 100, ...options };
  }

  start(): void {
    this.#running ??= this.#loop();
  }

  /**
   * On PostgreSQL, how long (ms) events already committed have waited for the horizon: a write
   * transaction running for long anywhere on the cluster shows here. 0 when nothing waits.
   */
  get horizonWaitMs(): number {
    return this.#horizon?.waitingMs ?? 0;
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
    const horizon = this.#database.kind === 'postgres' ? new Horizon() : undefined;
    this.#horizon = horizon;
    let lookedForNew = 0;
    while (!this.#stopping) {
      const started = performance.now();
      // Rows numbered above the watermark go in their order, with their numbers: on PostgreSQL up
      // to the horizon; on SQLite every one (a batch a failed attempt numbered but did not mark).
      const below = await horizon?.advance(db);
      let page = db
        .selectFrom('outbox')
        .selectAll()
        .where('published_seq', '>', upto)
        .orderBy('published_seq')
        .limit(this.#opts.batchSize);
      if (below !== undefined) page = page.where('published_seq', '<=', below);
      const rows = await page.execute();
      if (rows.length === 0) {
        // Rows without a number (on PostgreSQL only an older writer's) are looked for when nothing
        // waits for the horizon, and at least once per idle interval.
        const waiting = horizon?.behind === true;
        if (!waiting || started - lookedForNew >= this.#opts.idleMs) {
          lookedForNew = started;
          if (await this.#numberNew(db, upto)) continue;
        }
        // Numbers handed out above the horizon are published as soon as it passes them; a horizon
        // held back for long (a long transaction) is looked at less often.
        const soon = waiting && horizon.waitingMs < HORIZON_PATIENCE_MS;
        await this.#sleep(soon ? HORIZON_POLL_MS : this.#opts.idleMs);
        continue;
      }
      const envelopes = rows.map((r) => toEnvelope(r, this.#opts.source, Number(r.published_seq)));
      await this.#opts.beforePublish?.(envelopes);
      await this.#bus.publish(envelopes);
      upto = Number(rows.at(-1)!.published_seq);
      await markPublished(db, this.#database.kind, upto);
      this.#opts.onPublished?.(rows.length);
      // A page not full: the next round waits a moment, so that under load a round of queries (and
      // of fan-out) carries many events instead of a few.
      if (rows.length < this.#opts.batchSize) {
        const left = MIN_ROUND_MS - (performance.now() - started);
        if (left > 0) await this.#sleep(left);
      }
    }
  }

  /**
   * Numbers rows appended without a number, in `seq` order; true when there were any. On SQLite
   * they follow the watermark (nothing is numbered above it: the page read found nothing); on
   * PostgreSQL (rows of an older writer) they take the sequence's next numbers, one by one.
   */
  async #numberNew(db: Kysely<EventTables>, upto: number): Promise<boolean> {
    const rows = await db
      .selectFrom('outbox')
      .select('seq')
      .where('published_seq', 'is', null)
      .orderBy('seq')
      .limit(this.#opts.batchSize)
      .execute();
    if (rows.length === 0) return false;
    const publishedAt = new Date().toISOString();
    if (this.#database.kind === 'postgres') {
      for (const row of rows) {
        await db
          .updateTable('outbox')
          .set({
            published_seq: sql<number>`${sql.raw(NEXT_PUBLISHED_SEQ)}()`,
            published_at: publishedAt,
          })
          .where('seq', '=', row.seq)
          .where('published_seq', 'is', null)
          .execute();
      }
      return true;
    }
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
    return true;
  }
}

/**
 * Moves the watermark to `upto`, with its revision. On PostgreSQL the update commits without waiting
 * for the WAL to reach the disk (`synchronous_commit` off for its own transaction only, set within
 * the statement): a crash may lose it, and the rows since the last durable mark are then published
 * again, as after any crash between publishing and marking. What the batch recorded before
 * (`beforePublish`) was committed earlier, so it is durable whenever the mark is. Payments' commits
 * then wait behind fewer flushes (about a quarter fewer WAL syncs per payment in the benchmark).
 * The mark is visible before it is durable, until the next synchronous commit or the WAL writer
 * (within three times `wal_writer_delay`, 600 ms by default) flushes it. Should the database
 * server crash in that moment, after an app read its feed past the mark, the batch is routed
 * again: an app given a consent in between could get a feed entry below the cursor it holds, which
 * its feed then never shows (its webhook is sent).
 */
export async function markPublished(
  db: Kysely<EventTables>,
  kind: Database['kind'],
  upto: number,
): Promise<void> {
  if (kind === 'postgres') {
    await sql`with no_flush as (select set_config('synchronous_commit', 'off', true))
      update ${sql.id(EVENTS_SCHEMA, 'relay_state')}
         set published_upto = ${upto}, revision = revision + 1
        from no_flush where id = 1`.execute(db);
    return;
  }
  await db
    .updateTable('relay_state')
    .set((eb) => ({ published_upto: upto, revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** How often a relay waiting for its horizon to pass numbers already handed out looks again. */
const HORIZON_POLL_MS = 5;

/** After waiting this long for its horizon, the relay looks again at its idle interval only. */
const HORIZON_PATIENCE_MS = 1000;

/** The shortest round after a page that was not full. */
const MIN_ROUND_MS = 20;

/**
 * The highest `published_seq` no running transaction can still commit (PostgreSQL). Each read takes
 * a snapshot's `xmin`, then reads the last number handed out. A number seen by one read was handed
 * out before the next read, to transactions that already had their ids. That next read takes an id
 * of its own (`pg_current_xact_id()`), later than all of theirs, and commits with its statement. The
 * number is safe once a later snapshot's `xmin` reaches that id: none of those transactions is still
 * running. (A snapshot's `xmax` would not do: it is one past the last *completed* transaction, and a
 * running one with a higher id, which may hold a lower number, shows in neither its `xmin` nor its
 * list of running transactions.) The read takes an id only when a number is waiting for one; such a
 * transaction writes nothing but its commit record, which is not flushed synchronously.
 */
class Horizon {
  #safe = 0;
  /** The last number handed out, as the previous read saw it. */
  #seen: number | undefined;
  /** A number waiting for the transactions older than `bound` to end, since `since` (monotonic ms). */
  #pending: { readonly upto: number; readonly bound: bigint; readonly since: number } | undefined;

  /** Numbers have been handed out above the horizon. */
  get behind(): boolean {
    return this.#seen !== undefined && this.#seen > this.#safe;
  }

  /** How long the number now waiting for the horizon has waited (0 when none waits). */
  get waitingMs(): number {
    return this.#pending ? performance.now() - this.#pending.since : 0;
  }

  async advance(db: Kysely<EventTables>): Promise<number> {
    // The number the previous read saw waits for an id taken now (after that read).
    const bound = !this.#pending && this.behind;
    const { rows } = await sql<{ xmin: string; id: string | null; last: string | null }>`
      select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
        case when ${bound} then pg_current_xact_id()::text end as id,
        (select case when is_called then last_value else last_value - 1 end
          from ${sql.raw(PUBLISHED_SEQ)})::text as last`.execute(db);
    const now = rows[0]!;
    if (this.#pending && BigInt(now.xmin) >= this.#pending.bound) {
      this.#safe = this.#pending.upto;
      this.#pending = undefined;
    }
    if (bound && now.id !== null) {
      this.#pending = { upto: this.#seen!, bound: BigInt(now.id), since: performance.now() };
    }
    this.#seen = Number(now.last ?? 0);
    return this.#safe;
  }
}
