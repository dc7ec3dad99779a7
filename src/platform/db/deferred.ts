/**
 * @module Deferred writes: statements whose results nobody reads (the inserts and updates that end a
 * transaction), collected and sent at once. On PostgreSQL they go as one multi-statement simple
 * query — one round trip instead of one each, which is what a transaction of many statements waits
 * on when the process is busy — with each parameter inlined as the quoted literal of the text
 * node-postgres would have sent for it (`prepareValue`, then `escapeLiteral`): a quoted literal is
 * typed from its context exactly as an untyped parameter is. On SQLite (in the process, nothing to
 * wait on) each statement runs when it is made.
 *
 * A deferred statement's `execute()` resolves at once with no rows; an error of any statement
 * surfaces from `flush`, and fails the transaction as it would have failed it when run alone.
 */
import { createRequire } from 'node:module';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  sql,
} from 'kysely';
import type { Database } from './types.ts';

// node-postgres's own serialisation of parameters (untyped: its types do not describe this file).
const { escapeLiteral, prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  escapeLiteral(text: string): string;
  prepareValue(value: unknown): unknown;
};

export interface DeferredWrites {
  /** A query builder over `schema` (in the transaction) whose statements are deferred. */
  schema<T>(schema: string): Kysely<T>;
  /** Runs what was deferred, in order. */
  flush(): Promise<void>;
}

/** A parameter as the literal of what node-postgres would send for it. */
function literal(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (typeof text !== 'string') throw new Error('a binary parameter cannot be deferred');
  return escapeLiteral(text);
}

/**
 * The statement with its `$n` placeholders replaced by literals. Quoted identifiers and string
 * literals of the text are copied as they are (a `$1` inside them is not a placeholder).
 */
export function inlineParameters(query: CompiledQuery): string {
  const { sql: text, parameters } = query;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new Error('unterminated quote in a deferred statement');
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j]!)) j++;
      const n = Number(text.slice(i + 1, j));
      if (n < 1 || n > parameters.length) throw new Error(`no parameter $${n} in a deferred statement`);
      out += literal(parameters[n - 1]);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** A driver that runs nothing: it keeps what it is given. */
class CollectingDriver implements Driver {
  readonly #sink: CompiledQuery[];

  constructor(sink: CompiledQuery[]) {
    this.#sink = sink;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const sink = this.#sink;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        sink.push(query);
        return { rows: [] };
      },
      // biome-ignore lint/correctness/useYield: a stream of a deferred statement is refused
      async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
        throw new Error('a deferred statement has no rows to stream');
      },
    };
  }

  async beginTransaction(): Promise<void> {
    throw new Error('deferred writes run in the caller’s transaction');
  }

  async commitTransaction(): Promise<void> {}

  async rollbackTransaction(): Promise<void> {}

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

/** Writes deferred within `trx`, a transaction of `database`. */
// biome-ignore lint/suspicious/noExplicitAny: a transaction over any module's tables
export function deferredWrites(database: Database, trx: Kysely<any>): DeferredWrites {
  if (database.kind !== 'postgres') {
    return {
      schema: <T>(name: string) => trx.withSchema(name) as unknown as Kysely<T>,
      flush: async () => {},
    };
  }
  const pending: CompiledQuery[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: the root of the collecting builder, narrowed per schema
  const collecting = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new CollectingDriver(pending),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    schema: <T>(name: string) => collecting.withSchema(name) as unknown as Kysely<T>,
    async flush() {
      if (pending.length === 0) return;
      const text = pending.map(inlineParameters).join(';\n');
      pending.length = 0;
      // No parameters: node-postgres sends it as a simple query, which may hold several statements.
      await sql.raw(text).execute(trx);
    },
  };
}
