/**
 * @module Kysely driver over Node's built-in `node:sqlite`. One connection guarded by a mutex (so
 * concurrent transactions queue instead of interleaving), `BEGIN IMMEDIATE` transactions, a cache of
 * prepared statements, and 64-bit integers read exactly (numbers when safe, bigints beyond).
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  type TransactionSettings,
} from 'kysely';

const STATEMENT_CACHE_SIZE = 500;

function normalize(row: Record<string, unknown>): Record<string, unknown> {
  for (const key in row) {
    const v = row[key];
    if (
      typeof v === 'bigint' &&
      v >= BigInt(Number.MIN_SAFE_INTEGER) &&
      v <= BigInt(Number.MAX_SAFE_INTEGER)
    ) {
      row[key] = Number(v);
    }
  }
  return row;
}

class SqliteConnection implements DatabaseConnection {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, { stmt: StatementSync; reader: boolean }>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  #prepare(sql: string): { stmt: StatementSync; reader: boolean } {
    let cached = this.#statements.get(sql);
    if (cached) {
      this.#statements.delete(sql); // re-insert: the Map keeps recency order
    } else {
      const stmt = this.#db.prepare(sql);
      stmt.setReadBigInts(true);
      cached = { stmt, reader: stmt.columns().length > 0 };
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
    }
    this.#statements.set(sql, cached);
    return cached;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { stmt, reader } = this.#prepare(compiled.sql);
    const params = compiled.parameters as SQLInputValue[];
    if (reader) {
      return { rows: (stmt.all(...params) as Record<string, unknown>[]).map(normalize) as R[] };
    }
    const { changes, lastInsertRowid } = stmt.run(...params);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(compiled: CompiledQuery, _chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('SQLite streams select queries only');
    const { stmt } = this.#prepare(compiled.sql);
    for (const row of stmt.iterate(...(compiled.parameters as SQLInputValue[]))) {
      yield { rows: [normalize(row as Record<string, unknown>) as R] };
    }
  }

  close(): void {
    this.#statements.clear();
    this.#db.close();
  }
}

/** A FIFO mutex: the single SQLite connection is lent to one query or transaction at a time. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    await previous;
    return release;
  }
}

export class NodeSqliteDriver implements Driver {
  readonly #path: string;
  readonly #mutex = new Mutex();
  #connection: SqliteConnection | undefined;
  #release: (() => void) | undefined;

  constructor(path: string) {
    this.#path = path;
  }

  async init(): Promise<void> {
    const db = new DatabaseSync(this.#path);
    db.exec('PRAGMA busy_timeout = 5000');
    if (this.#path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    this.#connection = new SqliteConnection(db);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#connection!;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.#connection?.close();
    this.#connection = undefined;
  }
}
