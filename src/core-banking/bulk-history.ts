/**
 * @module Test and benchmark fixture: appends `count` transactions to a customer account with a few
 * set-based INSERT…SELECT statements (PostgreSQL `generate_series`, SQLite a recursive CTE) instead
 * of one posting at a time. Each transaction is a real balanced entry — the customer account
 * credited 100 or (every fourth) debited 150 minor units against an internal counter account —
 * with the next `seq`, the running `balance_after`, and the balances updated to match, so
 * `verifyLedger` holds. For an idle database only: it writes without the ledger's locks.
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/index.ts';
import { SCHEMA } from './tables.ts';

export interface BulkHistoryOptions {
  readonly accountId: string;
  /** An internal account in the same currency: the other side of every entry. */
  readonly counterAccountId: string;
  readonly count: number;
  /** Transactions per INSERT transaction. */
  readonly chunk?: number;
  /** Booking time of the first transaction (ms); the next ones follow a second apart. */
  readonly startMs?: number;
}

/** 100 per credit and −150 every fourth line: the sum of lines 1…i, always positive. */
const runningSum = (i: RawBuilder<unknown>) => sql`(100 * ${i} - 250 * (${i} / 4))`;

function dialect(database: Database) {
  const pg = database.kind === 'postgres';
  const table = (name: string) => sql.raw(pg ? `${SCHEMA}.${name}` : `${SCHEMA}_${name}`);
  const series = (n: number) =>
    pg
      ? sql`(select i from generate_series(1, ${n}::int) as s(i))`
      : sql`(with recursive s(i) as (select 1 union all select i + 1 from s where i < ${n}) select i from s)`;
  const time = (startMs: number, offset: RawBuilder<unknown>) =>
    pg
      ? sql`(${new Date(startMs).toISOString()}::timestamptz + ${offset} * interval '1 second')`
      : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${startMs / 1000} + ${offset}, 'unixepoch')`;
  const date = (startMs: number, offset: RawBuilder<unknown>) =>
    pg
      ? sql`(${new Date(startMs).toISOString()}::timestamptz + ${offset} * interval '1 second')::date`
      : sql`date(${startMs / 1000} + ${offset}, 'unixepoch')`;
  return { table, series, time, date };
}

interface Head {
  readonly current: number;
  readonly seq: number;
  readonly currency: string;
}

// biome-ignore lint/suspicious/noExplicitAny: raw SQL over the root handle's transaction
async function head(database: Database, trx: Transaction<any>, accountId: string): Promise<Head> {
  const { table } = dialect(database);
  const { rows } = await sql<{ current: number | bigint; last_seq: number | bigint; currency: string }>`
    select current, last_seq, currency from ${table('balances')} where account_id = ${accountId}`.execute(
    trx,
  );
  const row = rows[0];
  if (!row) throw new Error(`no balance row for ${accountId}`);
  return { current: Number(row.current), seq: Number(row.last_seq), currency: row.currency };
}

async function appendChunk(database: Database, options: BulkHistoryOptions, n: number): Promise<void> {
  const { table, series, time, date } = dialect(database);
  const { accountId, counterAccountId } = options;
  const startMs = options.startMs ?? Date.parse('2020-01-01T00:00:00Z');
  await database.db.transaction().execute(async (trx) => {
    const mine = await head(database, trx, accountId);
    const counter = await head(database, trx, counterAccountId);
    const i = sql.ref('g.i');
    const seq = sql`(cast(${mine.seq} as bigint) + ${i})`;
    const at = time(startMs, seq);
    const entryId = sql`('jrn_bulk_' || ${accountId} || '_' || ${seq})`;
    const amount = sql`(case when ${i} % 4 = 0 then -150 else 100 end)`;
    await sql`
      insert into ${table('entries')} (id, reference, fingerprint, kind, booked_at, value_date, description,
        counterparty, category, merchant, reverses_entry_id, created_at)
      select ${entryId}, ('bulk:' || ${accountId} || ':' || ${seq}), 'bulk', 'bulk', ${at}, ${date(startMs, seq)},
        ('Bulk transaction ' || ${seq}), 'Bulk Counterparty', 'shopping', null, null, ${at}
      from ${series(n)} as g`.execute(trx);
    for (const side of ['customer', 'counter'] as const) {
      const account = side === 'customer' ? mine : counter;
      const id = side === 'customer' ? accountId : counterAccountId;
      const sign = side === 'customer' ? sql`1` : sql`-1`;
      await sql`
        insert into ${table('postings')} (id, entry_id, account_id, amount, currency, balance_after, seq,
          booked_at, value_date, description, counterparty, category)
        select ('txn_bulk_' || ${id} || '_' || (cast(${account.seq} as bigint) + ${i})), ${entryId}, ${id},
          ${sign} * ${amount}, ${mine.currency}, cast(${account.current} as bigint) + ${sign} * ${runningSum(i)},
          cast(${account.seq} as bigint) + ${i}, ${at}, ${date(startMs, seq)}, ('Bulk transaction ' || ${seq}),
          'Bulk Counterparty', 'shopping'
        from ${series(n)} as g`.execute(trx);
    }
    const moved = 100 * n - 250 * Math.floor(n / 4);
    for (const [id, account, delta] of [
      [accountId, mine, moved],
      [counterAccountId, counter, -moved],
    ] as const) {
      await sql`update ${table('balances')} set current = ${account.current + delta}, last_seq = ${account.seq + n}
        where account_id = ${id}`.execute(trx);
    }
  });
}

/** Appends `count` balanced transactions to the account, `chunk` per database transaction. */
export async function appendBulkHistory(database: Database, options: BulkHistoryOptions): Promise<void> {
  const chunk = options.chunk ?? 100_000;
  for (let done = 0; done < options.count; done += chunk) {
    await appendChunk(database, options, Math.min(chunk, options.count - done));
  }
}
