/**
 * @module Named prepared statements for Kysely's PostgreSQL connections. Each statement text is
 * parsed and planned by the server once per connection and then only bound and executed: a payment's
 * thirty-odd statements cost PostgreSQL less CPU, and node-postgres sends one message fewer for each.
 *
 * - Only data statements (`select`, `insert`, `update`, `delete`, `with`, `values`) of one to
 *   {@link MAX_PARAMETERS} parameters are named (a text without parameters, such as deferred
 *   writes' several statements with their values inlined, runs as a simple query), on their second use, and at most
 *   {@link MAX_NAMED} distinct texts per process (the rest run unnamed, as before), so a
 *   connection's prepared statements stay bounded whatever SQL the query builder makes.
 * - A schema change can make PostgreSQL refuse a prepared statement whose result columns changed
 *   ("cached plan must not change result type", after another version's migration during a rolling
 *   deploy), and a pooler that resets server sessions can lose one ("prepared statement … does not
 *   exist"), and a column whose type changed can refuse parameters typed when the statement was
 *   parsed. The failed execution is run again unnamed at once when it was not inside a transaction
 *   (and the statement runs unnamed on that connection from then on if that works); inside one, the
 *   transaction has failed and its caller sees the error, as for any database error, and the
 *   statement runs unnamed on that connection from then on.
 * - Behind a pooler that cannot keep prepared statements per client (PgBouncer in transaction mode
 *   before 1.21, or without `max_prepared_statements`), turn this off with
 *   `DATABASE_PREPARED_STATEMENTS=false`.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Distinct statement texts given a name, per process (the platform uses about 200: a server session keeps each). */
export const MAX_NAMED = 500;
/** Distinct texts whose uses are counted; beyond, new texts run unnamed. */
const MAX_REMEMBERED = 5000;
/**
 * More parameters than this mark a batch (a multi-row insert, a long `in` list) whose text changes
 * with its size: it runs unnamed rather than use up names and server memory on one-off plans.
 */
const MAX_PARAMETERS = 100;

const DATA_STATEMENT = /^\s*(select|insert|update|delete|with|values)\b/i;
const BEGINS = /^\s*(begin|start\s+transaction)\b/i;
const ENDS = /^\s*(commit|rollback|end|abort)\s*(;|$|transaction|work|and)/i;
/** Several statements that end with the commit (a transaction in few round trips). */
const ENDS_LAST = /;\s*(commit|rollback)\s*;?\s*$/i;
const RESULT_TYPE_CHANGED = 'cached plan must not change result type';

interface Text {
  uses: number;
  /** Its name once it is used a second time (and may be named); null while it runs unnamed. */
  name: string | null;
}

const texts = new Map<string, Text>();
let named = 0;

/**
 * The statement's name, or null when it runs unnamed: a data statement gets one on its second use
 * (so one-off texts never do), while names are left.
 */
function nameOf(text: string, parameters: number): string | null {
  let known = texts.get(text);
  if (!known) {
    if (
      texts.size >= MAX_REMEMBERED ||
      parameters === 0 ||
      parameters > MAX_PARAMETERS ||
      !DATA_STATEMENT.test(text)
    ) {
      return null;
    }
    known = { uses: 0, name: null };
    texts.set(text, known);
  }
  known.uses++;
  if (known.name === null && known.uses >= 2 && named < MAX_NAMED) {
    named++;
    known.name = `wk_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  }
  return known.name;
}

/**
 * An error the prepared form may have caused where the same statement unnamed would not: its result
 * columns changed under it (`0A000`), the server session no longer has it (`26000`: a pooler's
 * `DISCARD ALL` between clients, a `DEALLOCATE`), or parameter types fixed when it was parsed no
 * longer fit a column a migration changed (data exceptions, class `22`; type mismatches, class `42`).
 */
const mayBeStale = (err: unknown) => {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  return (
    code === '26000' ||
    code.startsWith('22') ||
    code.startsWith('42') ||
    (code === '0A000' && String((err as { message?: unknown }).message).includes(RESULT_TYPE_CHANGED))
  );
};

/** Makes the client send Kysely's parameterised data statements as named prepared statements. */
function prepareOn(client: pg.PoolClient): void {
  const plain = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  let inTransaction = false;
  /** Names this connection runs unnamed since PostgreSQL refused their prepared form. */
  const stale = new Set<string>();
  const prepared = async (name: string, text: string, values: unknown[]) => {
    try {
      return await plain({ name, text, values });
    } catch (err) {
      if (!mayBeStale(err)) throw err;
      if (inTransaction) {
        // The transaction has failed either way; its retry runs the statement unnamed.
        stale.add(name);
        throw err;
      }
      // Nothing ran (the refusal comes before execution, outside a transaction nothing is left
      // open): run it unnamed. If that works, the prepared form was stale; if not, the error is
      // the statement's own and the prepared form stays.
      const result = await plain(text, values);
      stale.add(name);
      return result;
    }
  };
  // Not async: a Query or Cursor object passed through must come back as itself.
  const query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || !Array.isArray(values) || rest.length > 0) {
      return plain(text, values, ...rest);
    }
    if (ENDS.test(text) || ENDS_LAST.test(text)) inTransaction = false;
    else if (BEGINS.test(text)) inTransaction = true;
    const name = nameOf(text, values.length);
    if (name === null || stale.has(name)) return plain(text, values);
    return prepared(name, text, values);
  };
  (client as unknown as { query: typeof query }).query = query;
}

/** The pool as Kysely's dialect takes it, its connections sending named prepared statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakSet<pg.PoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      if (!wrapped.has(client)) {
        wrapped.add(client);
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
