/**
 * @module Named prepared statements for Kysely's PostgreSQL connections. Each statement text is
 * parsed and planned by the server once per connection and then only bound and executed: a payment's
 * thirty-odd statements cost PostgreSQL less CPU, and node-postgres sends one message fewer for each.
 *
 * - Only data statements (`select`, `insert`, `update`, `delete`, `with`, `values`) are named, and
 *   at most {@link MAX_NAMED} distinct texts per process (the rest run unnamed, as before), so a
 *   connection's prepared statements stay bounded whatever SQL the query builder makes.
 * - A schema change can make PostgreSQL refuse a prepared statement whose result columns changed
 *   ("cached plan must not change result type", after another version's migration during a rolling
 *   deploy), and a pooler that resets server sessions can lose one ("prepared statement … does not
 *   exist"). That statement then runs unnamed on that connection from then on, and the failed
 *   execution is run again at once when it was not inside a transaction (inside one, the transaction
 *   has failed and its caller sees the error, as for any database error).
 * - Behind a pooler that cannot keep prepared statements per client (PgBouncer in transaction mode
 *   before 1.21, or without `max_prepared_statements`), turn this off with
 *   `DATABASE_PREPARED_STATEMENTS=false`.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Distinct statement texts given a name, per process (the platform uses about 200: a server session keeps each). */
export const MAX_NAMED = 500;
/** Distinct texts whose answer (a name or none) is remembered; beyond, texts run unnamed unremembered. */
const MAX_REMEMBERED = 5000;

const DATA_STATEMENT = /^\s*(select|insert|update|delete|with|values)\b/i;
const BEGINS = /^\s*(begin|start\s+transaction)\b/i;
const ENDS = /^\s*(commit|rollback|end|abort)\s*(;|$|transaction|work|and)/i;
const RESULT_TYPE_CHANGED = 'cached plan must not change result type';

const names = new Map<string, string | null>();
let named = 0;

/** The statement's name, or null when it runs unnamed. */
function nameOf(text: string): string | null {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_REMEMBERED) return null;
  const name =
    named < MAX_NAMED && DATA_STATEMENT.test(text)
      ? `wk_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`
      : null;
  if (name) named++;
  names.set(text, name);
  return name;
}

interface Tracked {
  inTransaction: boolean;
  /** Names this connection runs unnamed since PostgreSQL refused their prepared form. */
  readonly stale: Set<string>;
}

/**
 * PostgreSQL refused the prepared form: its result columns changed under it, or the server session
 * no longer has it (a pooler's `DISCARD ALL` between clients, a `DEALLOCATE`).
 */
const isPreparedRefusal = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    code === '26000' ||
    (code === '0A000' && String((err as { message?: unknown }).message).includes(RESULT_TYPE_CHANGED))
  );
};

/** Makes the client send Kysely's parameterised data statements as named prepared statements. */
function prepareOn(client: pg.PoolClient): void {
  const plain = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  const state: Tracked = { inTransaction: false, stale: new Set() };
  const query = async (text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || !Array.isArray(values) || rest.length > 0) {
      return plain(text, values, ...rest);
    }
    if (BEGINS.test(text)) state.inTransaction = true;
    else if (ENDS.test(text)) state.inTransaction = false;
    const name = nameOf(text);
    if (name === null || state.stale.has(name)) return plain(text, values);
    try {
      return await plain({ name, text, values });
    } catch (err) {
      if (!isPreparedRefusal(err)) throw err;
      state.stale.add(name);
      if (state.inTransaction) throw err;
      return plain(text, values);
    }
  };
  (client as unknown as { query: typeof query }).query = query;
}

/** The pool as Kysely's dialect takes it, its connections sending named prepared statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const prepared = new WeakSet<pg.PoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      if (!prepared.has(client)) {
        prepared.add(client);
        prepareOn(client);
      }
      return client as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
    // For Kysely's query cancellation, which opens a connection of its own.
    Client: (pool as unknown as { Client: PostgresPool['Client'] }).Client,
    options: pool.options,
  };
}
