/**
 * @module Streams seeded rows into the database in batches: one transaction each of multi-row inserts
 * (≤ 1024 rows per statement, few statement shapes) plus the balance deltas of the accounts it touched,
 * so every commit leaves a consistent ledger. The next batch is built while the previous one commits.
 */
import { type CompiledQuery, type Insertable, sql } from 'kysely';
import type { LedgerContext, Tx } from '../context.ts';
import type { EntriesTable, PostingsTable } from '../tables.ts';
import type { SeedRow } from './rows.ts';
import type { SimAccount } from './world.ts';

/** Rows per INSERT statement: 1024 rows × 11 columns stays far below SQLite's 32,766 parameters. */
const MAX_ROWS = 1024;

export interface WriteOptions {
  readonly batchSize: number;
  readonly total: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WriteResult {
  readonly entries: number;
  readonly postings: number;
}

/** Splits n rows into 1024-row chunks then power-of-two chunks: at most 11 statement shapes. */
export function chunkSizes(n: number): number[] {
  const sizes: number[] = [];
  let rest = n;
  while (rest >= MAX_ROWS) {
    sizes.push(MAX_ROWS);
    rest -= MAX_ROWS;
  }
  for (let size = MAX_ROWS >> 1; size >= 1; size >>= 1) {
    if (rest >= size) {
      sizes.push(size);
      rest -= size;
    }
  }
  return sizes;
}

type Row = Readonly<Record<string, unknown>>;

function flatten(rows: readonly Row[], columns: readonly string[]): unknown[] {
  const out = new Array<unknown>(rows.length * columns.length);
  let i = 0;
  for (const row of rows) for (const column of columns) out[i++] = row[column];
  return out;
}

const sameParameters = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Inserts rows in chunks. Kysely compiles each chunk shape (table × row count) once; later chunks of
 * that shape reuse the compiled SQL with their own parameters — checked, on first compile, to be the
 * rows' values in column order, else every chunk is compiled afresh.
 */
async function insertChunked<R extends Row>(
  trx: Tx,
  shapes: Map<string, { columns: string[]; compiled: CompiledQuery }>,
  table: string,
  rows: readonly R[],
  compile: (chunk: R[]) => CompiledQuery,
): Promise<void> {
  let offset = 0;
  for (const size of chunkSizes(rows.length)) {
    const chunk = rows.slice(offset, offset + size);
    offset += size;
    const key = `${table}:${size}`;
    const shape = shapes.get(key);
    if (shape) {
      await trx.executeQuery({ ...shape.compiled, parameters: flatten(chunk, shape.columns) });
      continue;
    }
    const compiled = compile(chunk);
    const columns = Object.keys(chunk[0]!);
    if (sameParameters(compiled.parameters, flatten(chunk, columns))) shapes.set(key, { columns, compiled });
    await trx.executeQuery(compiled);
  }
}

interface BalanceChange {
  readonly id: string;
  readonly delta: bigint;
  /** How many postings the account got since the last write. */
  readonly postings: number;
}

/** Balance changes since the last write, for the accounts that got postings. */
function takeDeltas(accounts: readonly SimAccount[]): BalanceChange[] {
  const deltas = [];
  for (const account of accounts) {
    const delta = account.balance - account.written;
    if (delta !== 0n || account.seq !== account.writtenSeq) {
      deltas.push({ id: account.id, delta, postings: account.seq - account.writtenSeq });
      account.written = account.balance;
      account.writtenSeq = account.seq;
    }
  }
  return deltas;
}

export async function writeRows(
  ctx: LedgerContext,
  rows: Iterable<SeedRow>,
  accounts: readonly SimAccount[],
  options: WriteOptions,
): Promise<WriteResult> {
  const postgres = ctx.database.kind === 'postgres';
  const shapes = new Map<string, { columns: string[]; compiled: CompiledQuery }>();
  let entriesDone = 0;
  let postingsDone = 0;

  const writeBatch = async (
    entries: Insertable<EntriesTable>[],
    postings: Insertable<PostingsTable>[],
    deltas: BalanceChange[],
  ) => {
    const updatedAt = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      // A seed can be re-run; waiting for each commit to reach disk buys nothing here.
      if (postgres) await sql`set local synchronous_commit = off`.execute(trx);
      await insertChunked(trx, shapes, 'entries', entries, (chunk) =>
        trx.insertInto('entries').values(chunk).compile(),
      );
      await insertChunked(trx, shapes, 'postings', postings, (chunk) =>
        trx.insertInto('postings').values(chunk).compile(),
      );
      for (const { id, delta, postings: count } of deltas) {
        // Relative updates: two batches may be in flight on PostgreSQL and commit in either order.
        await trx
          .updateTable('balances')
          .set({
            current: sql`current + ${delta}`,
            last_seq: sql`last_seq + ${count}`,
            updated_at: updatedAt,
          })
          .where('account_id', '=', id)
          .execute();
      }
    });
    entriesDone += entries.length;
    postingsDone += postings.length;
    options.onProgress?.(entriesDone, options.total);
  };

  let pending: Promise<void> = Promise.resolve();
  let entries: Insertable<EntriesTable>[] = [];
  let postings: Insertable<PostingsTable>[] = [];
  const flush = async () => {
    const batch = writeBatch(entries, postings, takeDeltas(accounts));
    entries = [];
    postings = [];
    // Handled now so a failing batch is not an unhandled rejection; it is awaited at the next flush.
    batch.catch(() => {});
    try {
      await pending;
    } catch (err) {
      await batch.catch(() => {});
      throw err;
    }
    pending = batch;
  };
  for (const row of rows) {
    entries.push(row.entry);
    for (const p of row.postings) postings.push(p);
    if (entries.length >= options.batchSize) await flush();
  }
  if (entries.length > 0) await flush();
  await pending;
  if (entriesDone !== options.total) options.onProgress?.(entriesDone, entriesDone);
  return { entries: entriesDone, postings: postingsDone };
}
