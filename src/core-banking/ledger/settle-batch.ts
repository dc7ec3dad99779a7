/**
 * @module Group commit: many payments settled in one ledger transaction (ADR 0009). Each item is a
 * debit of one account for one or more captures (a payment's amount, its fee), each a hold placed and
 * captured at once — the hold row, its capture entry and postings, as `placeHolds` and `captureHold`
 * would leave them in two transactions, with the same hold versions and posting sequence numbers, so
 * the transaction feed and statements cannot tell the difference. The statements are per batch, not
 * per item: one lock of every balance row touched (in account order, as every posting path locks),
 * then multi-row inserts of entries, postings and holds, one update of the balances, one append of
 * the events. On PostgreSQL the transaction takes two round trips (`inFewRoundTrips`): the begin,
 * the caller's claim and the lock; then every write, the caller's too, with the commit.
 *
 * The caller's hooks run in the same transaction: `claim` takes every item (the payments module
 * inserts their idempotency keys; an item it could not claim is dropped), `release` gives back the
 * claims of items a check refused, and `record` writes the caller's own rows for the settled ones.
 * Every check runs on the locked rows before anything else is written. An item that fails one is
 * left out (refused), never failing the others; funds credited within the batch do not count towards
 * a debit in it, so leaving an item out can only loosen the checks of the rest. Anything that throws
 * rolls the whole batch back: nothing of it was written.
 */
import { type Compilable, type Kysely, sql } from 'kysely';
import { AppError, appendEvents, type DatabaseKind, insertRows, newId } from '../../platform/index.ts';
import { accountsWithBalancesStatement, toAccountWithBalance, type WithBalanceRow } from '../accounts.ts';
import type { LedgerContext } from '../context.ts';
import {
  type CoreBankingTables,
  type EntriesTable,
  type HoldsTable,
  type PostingsTable,
  SCHEMA,
} from '../tables.ts';
import type { AccountWithBalance, Entry, EntryInput, Hold } from '../types.ts';
import {
  type LockedAccount,
  type LockedRow,
  lockBalancesStatement,
  lockedAccounts,
} from './lock-balances.ts';
import { toEntry, toHold, toPosting } from './mappers.ts';
import { fingerprintOf, MAX_BALANCE_MINOR, type PostingRow, postedEvents } from './post-entry.ts';

/** One hold placed and captured at once: the amount moves from the item's account to `creditAccountId`. */
export interface BatchCapture {
  readonly holdReference: string;
  /** The capture entry's reference. */
  readonly reference: string;
  readonly creditAccountId: string;
  readonly amount: bigint;
  readonly description: string;
  readonly counterparty: string | null;
  readonly category: string | null;
}

export interface BatchItem {
  readonly debitAccountId: string;
  readonly currency: string;
  /** Funded together: all of them or none (a payment's amount and its fee). */
  readonly captures: readonly BatchCapture[];
}

export interface Settled {
  /** By capture: the hold (captured) and its entry. */
  readonly holds: readonly Hold[];
  readonly entries: readonly Entry[];
}

/** What `settleBatch` answers: each item's result, and the accounts it touched as committed. */
export interface SettledBatch {
  readonly results: BatchResult[];
  /** The accounts of the settled items with their balances, read at the commit (none when none settled). */
  readonly touched: readonly AccountWithBalance[];
}

export type BatchResult =
  | { readonly settled: Settled }
  /** A check failed: nothing was written for the item. */
  | { readonly refused: AppError }
  /** The caller's `claim` left it out. */
  | { readonly dropped: true };

/** Another module's tables, in the batch's transaction. */
export type InTransaction = <T>(schema: string) => Kysely<T>;

/** What the caller's `claim` takes for the items. */
export interface Claim {
  /** Sent in the round trip that begins the transaction, with the lock of the balance rows. */
  readonly statement: Compilable;
  /** The items (by index) it claimed, from its rows: the others are left out (dropped). */
  claimed(rows: readonly Record<string, unknown>[]): ReadonlySet<number>;
}

/**
 * The caller's part in the batch's transaction. `release` and `record` write through `later`: their
 * statements are deferred, go to the database with the batch's own writes and the commit, and
 * return no rows.
 */
export interface BatchHooks {
  /** Claims the items (all of them, by index, ascending) — the payments module their keys. */
  claim(items: readonly number[]): Claim;
  /** Gives back what `claim` took for items that a check then refused. */
  release(later: InTransaction, refused: readonly number[]): Promise<void>;
  /** Writes the caller's rows for the settled items, by index. */
  record(later: InTransaction, settled: ReadonlyMap<number, Settled>): Promise<void>;
}

/** The refusal of an item by the locked rows, given what the batch debited and credited before it. */
function refusal(
  item: BatchItem,
  locked: ReadonlyMap<string, LockedAccount>,
  debited: ReadonlyMap<string, bigint>,
  credited: ReadonlyMap<string, bigint>,
): AppError | undefined {
  const debtor = locked.get(item.debitAccountId)!;
  if (item.captures.length === 0 || item.captures.some((c) => c.amount <= 0n)) {
    return new AppError('INVALID_AMOUNT', 'A hold amount must be greater than zero');
  }
  const total = item.captures.reduce((sum, c) => sum + c.amount, 0n);
  for (const account of [debtor, ...item.captures.map((c) => locked.get(c.creditAccountId)!)]) {
    if (account.id === item.debitAccountId && account !== debtor) {
      return new AppError('SAME_ACCOUNT', 'Debit and credit accounts must differ');
    }
    if (account.status !== 'open') {
      return new AppError('ACCOUNT_NOT_OPEN', `Account ${account.id} is ${account.status}`);
    }
    if (account.currency !== item.currency) {
      return new AppError(
        'CURRENCY_MISMATCH',
        `Account ${account.id} is in ${account.currency}, not ${item.currency}`,
      );
    }
  }
  const after = debtor.current - (debited.get(debtor.id) ?? 0n) - total;
  const limit = debtor.kind === 'customer' ? -debtor.overdraftLimit : -MAX_BALANCE_MINOR;
  if (after - debtor.held < limit) {
    return new AppError('INSUFFICIENT_FUNDS', `Account ${debtor.id} has insufficient funds`);
  }
  for (const c of item.captures) {
    const creditor = locked.get(c.creditAccountId)!;
    if (creditor.current + (credited.get(creditor.id) ?? 0n) + c.amount > MAX_BALANCE_MINOR) {
      return new AppError('BALANCE_LIMIT', `Account ${creditor.id} would hold more than the ledger can`);
    }
  }
  return undefined;
}

/** An account's balance row as the batch leaves it. */
interface BalanceState {
  current: bigint;
  seq: number;
  holdVersion: number;
}

const add = (map: Map<string, bigint>, id: string, amount: bigint) =>
  map.set(id, (map.get(id) ?? 0n) + amount);

/**
 * One statement setting each balance row's new state: on PostgreSQL a join to a list of the new
 * values (a row each), on SQLite a `CASE` per column.
 */
async function updateBalances(
  trx: Kysely<CoreBankingTables>,
  kind: DatabaseKind,
  states: ReadonlyMap<string, BalanceState>,
  now: string,
): Promise<void> {
  const ids = [...states.keys()];
  if (kind === 'postgres') {
    const rows = ids.map((id) => {
      const s = states.get(id)!;
      return sql`(${id}, cast(${s.current} as bigint), cast(${s.seq} as bigint), cast(${s.holdVersion} as bigint))`;
    });
    await trx
      .updateTable('balances')
      .from(sql`(values ${sql.join(rows)})`.as(sql`v(account_id, current, last_seq, last_hold_version)`))
      .set({
        current: sql`v.current`,
        last_seq: sql`v.last_seq`,
        last_hold_version: sql`v.last_hold_version`,
        updated_at: now,
      })
      .where(sql<boolean>`balances.account_id = v.account_id`)
      .execute();
    return;
  }
  const column = (value: (s: BalanceState) => bigint | number) =>
    sql<never>`case ${sql.ref('account_id')} ${sql.join(
      ids.map((id) => sql`when ${id} then cast(${value(states.get(id)!)} as bigint)`),
      sql` `,
    )} end`;
  await trx
    .updateTable('balances')
    .set({
      current: column((s) => s.current),
      last_seq: column((s) => s.seq),
      last_hold_version: column((s) => s.holdVersion),
      updated_at: now,
    })
    .where('account_id', 'in', ids)
    .execute();
}

export async function settleBatch(
  ctx: LedgerContext,
  items: readonly BatchItem[],
  hooks: BatchHooks,
): Promise<SettledBatch> {
  if (items.length === 0) return { results: [], touched: [] };
  // Two round trips: the claim with the lock (and the begin), then every write with the commit.
  const { results, read } = await ctx.database.inFewRoundTrips(async (tx) => {
    const touched = [
      ...new Set(
        items.flatMap((item) => [item.debitAccountId, ...item.captures.map((c) => c.creditAccountId)]),
      ),
    ];
    const claim = hooks.claim(items.map((_, i) => i));
    const [claimRows, lockRows] = await tx.send([claim.statement, lockBalancesStatement(ctx.db, touched)]);
    const chosen = claim.claimed(claimRows!);
    const locked = lockedAccounts(lockRows as LockedRow[], touched);
    const results: BatchResult[] = new Array(items.length);
    const debited = new Map<string, bigint>();
    const credited = new Map<string, bigint>();
    const passed: number[] = [];
    const refusedClaims: number[] = [];
    items.forEach((item, i) => {
      if (!chosen.has(i)) {
        results[i] = { dropped: true };
        return;
      }
      const refused = refusal(item, locked, debited, credited);
      if (refused) {
        results[i] = { refused };
        refusedClaims.push(i);
        return;
      }
      passed.push(i);
      for (const c of item.captures) {
        add(debited, item.debitAccountId, c.amount);
        add(credited, c.creditAccountId, c.amount);
      }
    });
    if (refusedClaims.length > 0) await hooks.release(tx.later, refusedClaims);
    if (passed.length === 0) return { results, read: undefined };

    const now = ctx.now();
    const bookedAt = now.toISOString();
    const valueDate = bookedAt.slice(0, 10);
    const time = now.getTime();
    const states = new Map<string, BalanceState>();
    const stateOf = (id: string) => {
      let s = states.get(id);
      if (!s) {
        const a = locked.get(id)!;
        s = { current: a.current, seq: a.lastSeq, holdVersion: a.lastHoldVersion };
        states.set(id, s);
      }
      return s;
    };
    const entryRows: EntriesTable[] = [];
    const postingRows: (PostingsTable & PostingRow)[] = [];
    const holdRows: HoldsTable[] = [];
    const settled = new Map<number, Settled>();
    for (const i of passed) {
      const item = items[i]!;
      const holds: Hold[] = [];
      const entries: Entry[] = [];
      for (const c of item.captures) {
        const debtor = stateOf(item.debitAccountId);
        const creditor = stateOf(c.creditAccountId);
        // Placed (version + 1) and captured (version + 2), as two transactions would number them.
        debtor.holdVersion += 2;
        const entryId = newId('jrn', time);
        const lines = [
          { account: debtor, accountId: item.debitAccountId, amount: -c.amount },
          { account: creditor, accountId: c.creditAccountId, amount: c.amount },
        ];
        const rows = lines.map((line) => {
          line.account.current += line.amount;
          line.account.seq += 1;
          return {
            id: newId('txn', time),
            entry_id: entryId,
            account_id: line.accountId,
            amount: line.amount,
            currency: item.currency,
            balance_after: line.account.current,
            seq: line.account.seq,
            booked_at: bookedAt,
            value_date: valueDate,
            description: c.description,
            counterparty: c.counterparty,
            category: c.category,
          };
        });
        postingRows.push(...rows);
        const input: EntryInput = {
          reference: c.reference,
          description: c.description,
          counterparty: c.counterparty,
          category: c.category,
          merchant: null,
          postings: lines.map((l) => ({ accountId: l.accountId, amount: l.amount, currency: item.currency })),
        };
        const entry: EntriesTable = {
          id: entryId,
          reference: c.reference,
          fingerprint: fingerprintOf(input, 'hold_capture'),
          kind: 'hold_capture',
          booked_at: bookedAt,
          value_date: valueDate,
          description: c.description,
          counterparty: c.counterparty,
          category: c.category,
          merchant: null,
          reverses_entry_id: null,
          created_at: bookedAt,
        };
        entryRows.push(entry);
        entries.push(toEntry(entry, rows.map(toPosting)));
        const hold: HoldsTable = {
          id: newId('hld'),
          account_id: item.debitAccountId,
          amount: c.amount,
          currency: item.currency,
          reference: c.holdReference,
          status: 'captured',
          description: c.description,
          counterparty: c.counterparty,
          category: c.category,
          merchant: null,
          // The capture's posting on the held account keeps the hold's transaction id.
          transaction_id: rows[0]!.id,
          version: debtor.holdVersion,
          placed_version: debtor.holdVersion - 1,
          entry_id: entryId,
          created_at: bookedAt,
          updated_at: bookedAt,
        };
        holdRows.push(hold);
        holds.push(toHold(hold));
      }
      settled.set(i, { holds, entries });
    }
    const ledger = tx.later<CoreBankingTables>(SCHEMA);
    await insertRows(ledger, 'entries', entryRows);
    await insertRows(ledger, 'postings', postingRows);
    await insertRows(ledger, 'holds', holdRows);
    await updateBalances(ledger, ctx.database.kind, states, bookedAt);
    await appendEvents(
      ledger,
      postedEvents(postingRows, (id) => locked.get(id)?.kind === 'customer'),
      now,
    );
    await hooks.record(tx.later, settled);
    for (const [i, s] of settled) results[i] = { settled: s };
    // The touched accounts as committed, for the caches: read last in the transaction, with the
    // commit (their balance rows are ours until then), not in a round trip after it.
    const ids = [...states.keys()];
    return { results, read: tx.readAtCommit([accountsWithBalancesStatement(ctx, ids)]) };
  });
  const rows = read ? (await read)[0]! : [];
  return { results, touched: rows.map((r) => toAccountWithBalance(r as WithBalanceRow)) };
}
