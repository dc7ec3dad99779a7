/**
 * @module Idempotency keys (the IETF Idempotency-Key draft; UK Open Banking's rules for payments):
 * a key is the app's, 1–40 printable characters, remembered for at least 24 hours with a fingerprint
 * of the request (the customer and the body) and the payment it created — stored in the payment's
 * own transaction, so it holds across processes and restarts. A retry with the same request under
 * the same consent gets the first answer again (the payment as it is now); with another request, or
 * under another consent, 422.
 */
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { digest, TurnBatches } from '../platform/index.ts';
import type { PaymentsContext } from './context.ts';
import type { IdempotencyKeysTable, PaymentsTables } from './tables.ts';

/** JSON with object keys sorted, so that key order does not make two requests differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes two requests the same: the customer and the body. */
export const fingerprintOf = (customerId: string, body: unknown): string =>
  digest(canonical([customerId, body]));

/** An app's key as one string: the key of in-process maps of keys. */
export const keySlot = (clientId: string, key: string): string => `${clientId}\n${key}`;

export async function findKey(
  ctx: PaymentsContext,
  clientId: string,
  key: string,
): Promise<IdempotencyKeysTable | undefined> {
  return ctx.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('key', '=', key)
    .executeTakeFirst();
}

interface Lookup {
  readonly clientId: string;
  readonly key: string;
  readonly resolve: (row: IdempotencyKeysTable | undefined) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * The query for several pairs, compiled once (its parameters are the two arrays): one text whatever
 * the number of keys, prepared once. Each pair is a primary-key look-up whatever the planner knows
 * of the table: the lateral subquery with its `limit 1` is not flattened into a join, so no plan —
 * not even a generic one made while the table was nearly empty, which joins by hashing the pairs
 * and scanning every key — can read more than the pairs' own index entries.
 */
export function keysByPairs(db: Kysely<PaymentsTables>): CompiledQuery {
  return db
    .selectFrom(
      sql<{ client_id: string; key: string }>`unnest(${[]}::text[], ${[]}::text[])`.as(
        sql`asked(client_id, key)`,
      ),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('idempotency_keys')
          .selectAll()
          .where((w) =>
            w.and([
              w('idempotency_keys.client_id', '=', sql.ref<string>('asked.client_id')),
              w('idempotency_keys.key', '=', sql.ref<string>('asked.key')),
            ]),
          )
          .limit(sql.lit(1))
          .as('found'),
      (join) => join.onTrue(),
    )
    .selectAll('found')
    .compile();
}

/** At most this many keys in one query. */
const MAX_LOOKUPS = 100;

/**
 * Key look-ups made in the same turn of the event loop (the requests read from the sockets together)
 * go to PostgreSQL as one query after it: a round trip, and a write to the socket, for several
 * requests instead of each. A look-up is sent after it is made, so it sees every key committed
 * before. On SQLite (in the process) each is its own query.
 */
export class KeyLookups {
  readonly #ctx: PaymentsContext;
  readonly #batches = new TurnBatches<Lookup>(MAX_LOOKUPS, (calls) => this.#run(calls));
  #compiled: CompiledQuery | undefined;

  constructor(ctx: PaymentsContext) {
    this.#ctx = ctx;
  }

  #byPairs(): CompiledQuery {
    this.#compiled ??= keysByPairs(this.#ctx.db);
    return this.#compiled;
  }

  find(clientId: string, key: string): Promise<IdempotencyKeysTable | undefined> {
    if (this.#ctx.database.kind !== 'postgres') return findKey(this.#ctx, clientId, key);
    return new Promise((resolve, reject) => {
      this.#batches.add({ clientId, key, resolve, reject });
    });
  }

  async #run(batch: readonly Lookup[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch;
      only!.resolve(await findKey(this.#ctx, only!.clientId, only!.key));
      return;
    }
    const { rows } = await this.#ctx.db.executeQuery<IdempotencyKeysTable>({
      ...this.#byPairs(),
      parameters: [batch.map((l) => l.clientId), batch.map((l) => l.key)],
    });
    const found = new Map(rows.map((r) => [keySlot(r.client_id, r.key), r]));
    for (const lookup of batch) lookup.resolve(found.get(keySlot(lookup.clientId, lookup.key)));
  }
}

export const keyExpired = (ctx: PaymentsContext, row: IdempotencyKeysTable): boolean =>
  Date.parse(row.expires_at) <= ctx.now();

/** Forgets keys past their time (the recovery sweep calls it), a batch at a time. */
export async function purgeKeys(ctx: PaymentsContext, batch = 1000): Promise<number> {
  const now = new Date(ctx.now()).toISOString();
  const expired = await ctx.db
    .selectFrom('idempotency_keys')
    .select(['client_id', 'key'])
    .where('expires_at', '<', now)
    .limit(batch)
    .execute();
  for (const row of expired) {
    await ctx.db
      .deleteFrom('idempotency_keys')
      .where('client_id', '=', row.client_id)
      .where('key', '=', row.key)
      .where('expires_at', '<', now)
      .execute();
  }
  return expired.length;
}
