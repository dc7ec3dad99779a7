/**
 * @module Transactions in few round trips. A transaction of many statements waits on one round trip
 * each, and in a busy process each of those waits for the event loop too. Here the statements that
 * must answer before the next can be chosen go together (`send`, the first with the `begin`), and the
 * writes whose results nobody reads are deferred and go with the `commit` (`later`), as do reads
 * whose rows are wanted only once it has committed (`readAtCommit`, run last before it): a batch of
 * payments is settled, and its accounts read back for the caches, in two round trips.
 *
 * On PostgreSQL each goes as one multi-statement simple query, each parameter inlined as the quoted
 * literal of the text node-postgres would have sent for it (its own `prepareValue`, then quoted as
 * its `escapeLiteral` quotes): a quoted literal is typed from its context exactly as an untyped
 * parameter is.
 * A failing statement aborts the transaction (the statements after it, the commit included, do not
 * run) and its error is thrown; the transaction is rolled back. On SQLite (in the process, nothing
 * to wait on) it is an ordinary transaction, each statement run when it is made.
 *
 * A deferred statement's `execute()` resolves at once with no rows.
 */
import { createRequire } from 'node:module';
import {
  type Compilable,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type InsertObject,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  ReferenceNode,
  type TableNode,
} from 'kysely';
import type pg from 'pg';

// node-postgres's own serialisation of parameters (untyped: its types do not describe this file).
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(value: unknown): unknown;
};

/**
 * A string literal, as node-postgres's `escapeLiteral` writes it (quotes doubled; with a backslash,
 * backslashes doubled in an `E''` string), without its character-by-character loop.
 */
export function quoteLiteral(text: string): string {
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/** A quoted identifier, its quotes doubled (as Kysely's PostgreSQL compiler quotes one). */
const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A parameter as the literal of what node-postgres would send for it. */
function literal(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return `'${value}'`;
  const text = typeof value === 'string' ? value : prepareValue(value);
  if (text === null) return 'NULL';
  if (typeof text !== 'string') throw new Error('a binary parameter cannot be deferred');
  // A simple query's text ends at a NUL (PostgreSQL refuses one in text anyway; requests carrying
  // one are refused with a 400 before they get here).
  if (text.includes('\0')) throw new Error('a parameter with a NUL character cannot be inlined');
  return quoteLiteral(text);
}

/** A quoted identifier, a quoted string, or a placeholder (`$n`). */
const TOKEN = /"[^"]*"|'[^']*'|\$(\d+)/g;

/**
 * The statement with its `$n` placeholders replaced by literals. Quoted identifiers and string
 * literals of the text are copied as they are (a `$1` inside them is not a placeholder).
 */
export function inlineParameters(query: CompiledQuery): string {
  const { sql: text, parameters } = query;
  return text.replace(TOKEN, (token, n: string | undefined) => {
    if (n === undefined) return token;
    const i = Number(n);
    if (i < 1 || i > parameters.length) throw new Error(`no parameter $${n} in a deferred statement`);
    return literal(parameters[i - 1]);
  });
}

/**
 * Compiles a deferred statement with its values written in as literals ({@link literal}) where
 * Kysely would put `$n`: no placeholders to find in the text afterwards. Its tables are named with
 * the module's schema here, instead of by Kysely's `WithSchemaPlugin`, which copies the whole
 * statement first (for a batch's multi-row inserts, a good part of their cost): a table, not a
 * column's qualifier, gets the schema. A `WITH` would have its names taken for tables, so it is
 * refused.
 */
class InliningQueryCompiler extends PostgresQueryCompiler {
  readonly #schema: string;

  constructor(schema: string) {
    super();
    this.#schema = schema;
  }

  protected override appendValue(value: unknown): void {
    this.append(literal(value));
  }

  protected override visitTable(node: TableNode): void {
    const parent = this.parentNode;
    if (!node.table.schema && !(parent && ReferenceNode.is(parent))) {
      this.append(`${quoteIdentifier(this.#schema)}.`);
    }
    super.visitTable(node);
  }

  protected override visitWith(): void {
    throw new Error('a deferred statement cannot use WITH');
  }
}

/** A driver that runs nothing: it keeps the text of what it is given. */
class CollectingDriver implements Driver {
  readonly #sink: string[];

  constructor(sink: string[]) {
    this.#sink = sink;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const sink = this.#sink;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        sink.push(query.sql);
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

/** Where a collecting builder keeps its statements, and the schema of its tables. */
interface Collector {
  readonly sink: string[];
  readonly schema: string;
}

/** The collecting builders made by {@link collecting}. */
const collectors = new WeakMap<object, Collector>();

/**
 * A builder over `schema` whose statements are kept in `sink` instead of run, compiled with their
 * values inlined and their tables in the schema.
 */
// biome-ignore lint/suspicious/noExplicitAny: the root of the collecting builder, narrowed per schema
function collecting(sink: string[], schema: string): Kysely<any> {
  const builder = new Kysely({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new CollectingDriver(sink),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new InliningQueryCompiler(schema),
    },
  });
  collectors.set(builder, { sink, schema });
  return builder;
}

/**
 * A value Kysely would compile as an expression (`sql`…, a subquery, or a function making one), not
 * as a parameter.
 */
const isExpression = (value: unknown) =>
  typeof value === 'function' || (typeof value === 'object' && value !== null && 'toOperationNode' in value);

/**
 * The columns given a value (`undefined` is none) in any row, in the order they first appear;
 * undefined when a value is an expression.
 */
function plainColumns(records: readonly Record<string, unknown>[]): string[] | undefined {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const key of Object.keys(r)) {
      const value = r[key];
      if (isExpression(value)) return undefined;
      if (value !== undefined && !seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  return columns;
}

/**
 * Inserts `rows` into `table` (of `schema`, else the builder's own), as
 * `db.insertInto(table).values(rows).execute()` does: the columns are those given a value
 * (`undefined` is no value) in any row, in the order they first appear, and a row without one gets
 * the column's default. With a deferred builder ({@link FewRoundTrips.later}) the statement's text
 * is written here directly, each value as the literal the deferred compiler writes: a batch's
 * multi-row inserts spent most of their time in Kysely building and visiting a node per value. Any
 * other builder (SQLite's, an ordinary transaction's), a table named with its schema (`s.t`), or a
 * row holding an expression, goes through Kysely.
 */
export async function insertRows<DB, TB extends keyof DB & string>(
  db: Kysely<DB>,
  table: TB,
  rows: readonly InsertObject<DB, TB>[],
  schema?: string,
): Promise<void> {
  if (rows.length === 0) return;
  const collector = collectors.get(db);
  const records = rows as readonly Record<string, unknown>[];
  const columns = collector && !table.includes('.') ? plainColumns(records) : undefined;
  if (!collector || !columns) {
    // biome-ignore lint/suspicious/noExplicitAny: the same insert through Kysely's typed builder
    const handle = (schema ? db.withSchema(schema) : db) as Kysely<any>;
    await handle.insertInto(table).values(records).execute();
    return;
  }
  const values = records.map((r) => {
    let text = '(';
    for (let i = 0; i < columns.length; i++) {
      const value = r[columns[i]!];
      text += (i === 0 ? '' : ', ') + (value === undefined ? 'default' : literal(value));
    }
    return `${text})`;
  });
  collector.sink.push(
    `insert into ${quoteIdentifier(schema ?? collector.schema)}.${quoteIdentifier(table)} ` +
      `(${columns.map(quoteIdentifier).join(', ')}) values ${values.join(', ')}`,
  );
}

/** A transaction in few round trips: see {@link Database.inFewRoundTrips}. */
export interface FewRoundTrips {
  /**
   * Runs these statements (built with the module's own query builder) together, in order, and
   * returns the rows of each. The first call begins the transaction in the same round trip.
   */
  send(statements: readonly Compilable[]): Promise<Record<string, unknown>[][]>;
  /** A query builder over `schema` whose statements are deferred: they run, in order, with the commit. */
  later<T>(schema: string): Kysely<T>;
  /**
   * Reads that run last in the transaction, after the deferred writes and just before the commit
   * (in its round trip on PostgreSQL), so they see what the transaction wrote. The rows of each once
   * the transaction has committed; rejected when it failed (a failing read fails it).
   */
  readAtCommit(statements: readonly Compilable[]): Promise<Record<string, unknown>[][]>;
}

/** Reads waiting for the commit. */
interface ReadAtCommit {
  readonly statements: readonly Compilable[];
  readonly resolve: (rows: Record<string, unknown>[][]) => void;
  readonly reject: (err: unknown) => void;
}

/** Registers reads for the commit; their promise is marked handled (awaited only on success). */
function readsAtCommit(reads: ReadAtCommit[]) {
  return (statements: readonly Compilable[]): Promise<Record<string, unknown>[][]> => {
    const rows = new Promise<Record<string, unknown>[][]>((resolve, reject) => {
      reads.push({ statements, resolve, reject });
    });
    rows.catch(() => {});
    return rows;
  };
}

type Result = { rows: Record<string, unknown>[] };

/** On PostgreSQL: each `send`, and the deferred writes with the commit, one simple query each. */
export async function inFewRoundTripsOnPostgres<T>(
  pool: pg.Pool,
  work: (tx: FewRoundTrips) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const pending: string[] = [];
  const reads: ReadAtCommit[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: narrowed per schema by `later`
  const builders = new Map<string, Kysely<any>>();
  let begun = false;
  const run = async (texts: string[]): Promise<Result[]> => {
    // No parameters: node-postgres sends a simple query, which may hold several statements.
    const result = (await client.query(texts.join(';\n'))) as unknown as Result | Result[];
    return Array.isArray(result) ? result : [result];
  };
  let broken: Error | undefined;
  try {
    const value = await work({
      async send(statements) {
        const texts = statements.map((s) => inlineParameters(s.compile()));
        if (begun) return (await run(texts)).map((r) => r.rows);
        begun = true;
        return (await run(['begin', ...texts])).slice(1).map((r) => r.rows);
      },
      later: <S>(schema: string) => {
        let builder = builders.get(schema);
        if (!builder) {
          builder = collecting(pending, schema);
          builders.set(schema, builder);
        }
        return builder as Kysely<S>;
      },
      readAtCommit: readsAtCommit(reads),
    });
    const texts = reads.map((r) => r.statements.map((st) => inlineParameters(st.compile())));
    const read = texts.flat();
    if (begun || pending.length > 0 || read.length > 0) {
      const first = !begun;
      begun = true;
      const results = await run([...(first ? ['begin'] : []), ...pending, ...read, 'commit']);
      // The reads' results are the ones before the commit's.
      let at = results.length - 1 - read.length;
      for (const [i, r] of reads.entries()) {
        r.resolve(results.slice(at, at + texts[i]!.length).map((x) => x.rows));
        at += texts[i]!.length;
      }
    }
    return value;
  } catch (err) {
    for (const r of reads) r.reject(err);
    if (begun) {
      // A failed statement has aborted the transaction (and skipped the commit): end it. Work that
      // failed before anything was sent left nothing to end.
      await client.query('rollback').catch((lost: Error) => {
        broken = lost;
      });
    }
    throw err;
  } finally {
    // A connection that could not even roll back is not given back to the pool.
    client.release(broken);
  }
}

/** On SQLite (in the process, nothing to wait on): an ordinary transaction, statement by statement. */
export async function inFewRoundTripsOnSqlite<T>(
  // biome-ignore lint/suspicious/noExplicitAny: the root handle
  db: Kysely<any>,
  work: (tx: FewRoundTrips) => Promise<T>,
): Promise<T> {
  const reads: ReadAtCommit[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: the transaction of the root handle
  const runAll = async (handle: Kysely<any>, statements: readonly Compilable[]) => {
    const rows: Record<string, unknown>[][] = [];
    for (const s of statements)
      rows.push((await handle.executeQuery<Record<string, unknown>>(s.compile())).rows);
    return rows;
  };
  const answers: Record<string, unknown>[][][] = [];
  const value = await db
    .transaction()
    .execute(async (trx) => {
      const done = await work({
        send: (statements) => runAll(trx, statements),
        later: <S>(schema: string) => trx.withSchema(schema) as unknown as Kysely<S>,
        readAtCommit: readsAtCommit(reads),
      });
      for (const r of reads) answers.push(await runAll(trx, r.statements));
      return done;
    })
    .catch((err: unknown) => {
      for (const r of reads) r.reject(err);
      throw err;
    });
  reads.forEach((r, i) => {
    r.resolve(answers[i]!);
  });
  return value;
}
