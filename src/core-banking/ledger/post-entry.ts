/**
 * @module Posting a journal entry: validate that it balances per currency, lock the balances it
 * touches (in account-id order, so concurrent entries cannot deadlock), refuse an overdraft, then
 * write the entry, its postings and the new balances in the caller's transaction.
 */
import { AppError, appendEvents, digest, isCurrency, newId, toDto } from '../../platform/index.ts';
import type { LedgerContext, Tx } from '../context.ts';
import type { Entry, EntryInput, Posting } from '../types.ts';
import { lockBalances } from './lock-balances.ts';
import { toEntry, toPosting } from './mappers.ts';

/**
 * The largest balance, either way, an account may reach: well inside the 64-bit columns, so that no
 * series of postings (each at most MAX_AMOUNT_MINOR) can overflow one.
 */
export const MAX_BALANCE_MINOR = 999_999_999_999_999_999n;

export const MAX_REFERENCE_LENGTH = 200;

/** The error for a reference that an earlier, different request already used. */
export const referenceReused = (reference: string, what: 'entry' | 'hold' = 'entry'): AppError =>
  new AppError('REFERENCE_REUSED', `Reference ${JSON.stringify(reference)} was used for another ${what}`);

export interface PostOptions {
  readonly kind: string;
  readonly reversesEntryId?: string;
  /** Funds of a hold being captured: subtracted from that account's `held` in the same write. */
  readonly releaseHeld?: { readonly accountId: string; readonly amount: bigint };
  /**
   * The entry must be new: an earlier entry with this reference is REFERENCE_REUSED even when it asked
   * for the same thing (a hold capture, whose retries are answered from the hold, not from here).
   */
  readonly newEntryOnly?: boolean;
  /** Ids for the postings, by position (a hold's capture keeps the hold's transaction id); else new ids. */
  readonly postingIds?: readonly (string | undefined)[];
}

/** A stable digest of what an entry asks for, to tell a retry from a different request. */
export function fingerprintOf(input: EntryInput, kind: string): string {
  const postings = input.postings.map((p) => [
    p.accountId,
    String(p.amount),
    p.currency,
    p.description ?? null,
    p.counterparty ?? null,
  ]);
  const fields: unknown[] = [
    kind,
    postings,
    input.description,
    input.counterparty ?? null,
    input.category ?? null,
  ];
  // Appended only when set, so the digests of entries without a merchant stay what they were.
  if (input.merchant != null) fields.push(input.merchant);
  return digest(JSON.stringify(fields));
}

export function validateEntry(input: EntryInput): void {
  if (!input.reference || input.reference.length > MAX_REFERENCE_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `reference must be 1-${MAX_REFERENCE_LENGTH} characters`, {
      errors: [{ path: '/reference', message: `must be 1-${MAX_REFERENCE_LENGTH} characters` }],
    });
  }
  if (input.postings.length < 2)
    throw new AppError('UNBALANCED_ENTRY', 'An entry needs at least two postings');
  const sums = new Map<string, bigint>();
  for (const p of input.postings) {
    if (!isCurrency(p.currency))
      throw new AppError('UNSUPPORTED_CURRENCY', `Unsupported currency ${p.currency}`);
    if (p.amount === 0n) throw new AppError('INVALID_AMOUNT', 'A posting amount must not be zero');
    sums.set(p.currency, (sums.get(p.currency) ?? 0n) + p.amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new AppError('UNBALANCED_ENTRY', `Postings in ${currency} sum to ${sum}, not zero`);
  }
}

/** Loads an entry with its postings, or undefined. */
export async function findEntry(trx: Tx | LedgerContext['db'], by: { id: string } | { reference: string }) {
  const row = await trx
    .selectFrom('entries')
    .selectAll()
    .where('id' in by ? 'id' : 'reference', '=', 'id' in by ? by.id : by.reference)
    .executeTakeFirst();
  if (!row) return undefined;
  const postings = await trx
    .selectFrom('postings')
    .selectAll()
    .where('entry_id', '=', row.id)
    .orderBy('id')
    .execute();
  return { entry: toEntry(row, postings.map(toPosting)), fingerprint: row.fingerprint };
}

/** The first entry with this reference, if it asked for the same thing; REFERENCE_REUSED otherwise. */
export async function replay(
  trx: Tx | LedgerContext['db'],
  input: EntryInput,
  kind: string,
): Promise<Entry | undefined> {
  const existing = await findEntry(trx, { reference: input.reference });
  if (!existing) return undefined;
  if (existing.fingerprint !== fingerprintOf(input, kind)) {
    throw referenceReused(input.reference);
  }
  return existing.entry;
}

/** What a posting row holds (as written by the posting path). */
export interface PostingRow {
  readonly id: string;
  readonly account_id: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly balance_after: bigint;
  readonly booked_at: string;
  readonly value_date: string;
  readonly description: string;
}

/** The `transaction.posted` events of these postings: one per line on a customer's account. */
export const postedEvents = (rows: readonly PostingRow[], isCustomer: (accountId: string) => boolean) =>
  rows
    .filter((r) => isCustomer(r.account_id))
    .map((r) => ({
      type: 'transaction.posted',
      subject: `accounts/${r.account_id}/transactions/${r.id}`,
      aggregate: r.account_id,
      clientId: null,
      data: {
        account_id: r.account_id,
        transaction_id: r.id,
        amount: toDto({ minor: r.amount < 0n ? -r.amount : r.amount, currency: r.currency }),
        credit_debit: r.amount < 0n ? 'debit' : 'credit',
        booked_at: r.booked_at,
        value_date: r.value_date,
        description: r.description,
        balance_after: toDto({ minor: r.balance_after, currency: r.currency }),
      },
    }));

export async function postEntryInTx(
  ctx: LedgerContext,
  trx: Tx,
  input: EntryInput,
  options: PostOptions,
): Promise<Entry> {
  validateEntry(input);
  const answerReplay = async () => {
    const previous = await replay(trx, input, options.kind);
    if (previous && options.newEntryOnly) {
      throw referenceReused(input.reference);
    }
    return previous;
  };
  const deltas = new Map<string, bigint>();
  for (const p of input.postings) deltas.set(p.accountId, (deltas.get(p.accountId) ?? 0n) + p.amount);
  const locked = await lockBalances(trx, [...deltas.keys()]);
  // Look for an entry with this reference only once the balances are locked: a concurrent request
  // with it may have committed while this one waited (PostgreSQL, read committed). Its entry is the
  // answer; checking funds it already spent would refuse a retry with INSUFFICIENT_FUNDS.
  const raced = await answerReplay();
  if (raced) return raced;

  for (const p of input.postings) {
    const account = locked.get(p.accountId)!;
    if (account.currency !== p.currency) {
      throw new AppError(
        'CURRENCY_MISMATCH',
        `Account ${p.accountId} is in ${account.currency}, not ${p.currency}`,
      );
    }
  }
  for (const [accountId, delta] of deltas) {
    const account = locked.get(accountId)!;
    const release = options.releaseHeld?.accountId === accountId ? options.releaseHeld.amount : 0n;
    if (account.status !== 'open') {
      throw new AppError('ACCOUNT_NOT_OPEN', `Account ${accountId} is ${account.status}`);
    }
    const after = account.current + delta;
    if (after > MAX_BALANCE_MINOR || after < -MAX_BALANCE_MINOR) {
      throw new AppError('BALANCE_LIMIT', `Account ${accountId} would hold more than the ledger can`, {
        extra: { account_id: accountId },
      });
    }
    const held = account.held - release;
    if (
      account.kind === 'customer' &&
      delta < 0n &&
      account.current + delta - held < -account.overdraftLimit
    ) {
      throw new AppError('INSUFFICIENT_FUNDS', `Account ${accountId} has insufficient funds`, {
        extra: { account_id: accountId },
      });
    }
  }

  const now = ctx.now();
  // Booked now, after the locks are held. Each posting also takes the next `seq` of its account, so
  // a statement (ordered by seq) lists postings in the order they were applied and `balance_after`
  // is its running balance, whatever the clock did. Backdating is expressed with `valueDate`.
  const bookedAt = now.toISOString();
  const valueDate = input.valueDate ?? bookedAt.slice(0, 10);
  const time = Date.parse(bookedAt);
  const entryId = newId('jrn', time);
  await trx
    .insertInto('entries')
    .values({
      id: entryId,
      reference: input.reference,
      fingerprint: fingerprintOf(input, options.kind),
      kind: options.kind,
      booked_at: bookedAt,
      value_date: valueDate,
      description: input.description,
      counterparty: input.counterparty ?? null,
      category: input.category ?? null,
      merchant: input.merchant ?? null,
      reverses_entry_id: options.reversesEntryId ?? null,
      created_at: now.toISOString(),
    })
    .execute();

  const running = new Map([...locked].map(([id, a]) => [id, { current: a.current, seq: a.lastSeq }]));
  const rows = input.postings.map((p, i) => {
    const state = running.get(p.accountId)!;
    state.current += p.amount;
    state.seq += 1;
    const balanceAfter = state.current;
    return {
      id: options.postingIds?.[i] ?? newId('txn', time),
      entry_id: entryId,
      account_id: p.accountId,
      amount: p.amount,
      currency: p.currency,
      balance_after: balanceAfter,
      seq: state.seq,
      booked_at: bookedAt,
      value_date: valueDate,
      description: p.description ?? input.description,
      counterparty: p.counterparty ?? input.counterparty ?? null,
      category: input.category ?? null,
    };
  });
  await trx.insertInto('postings').values(rows).execute();

  for (const [accountId, { current, seq }] of running) {
    const account = locked.get(accountId)!;
    const release = options.releaseHeld?.accountId === accountId ? options.releaseHeld.amount : 0n;
    await trx
      .updateTable('balances')
      .set({ current, held: account.held - release, last_seq: seq, updated_at: now.toISOString() })
      .where('account_id', '=', accountId)
      .execute();
  }

  // A `transaction.posted` event for each line on a customer's account, committed with it (outbox).
  await appendEvents(
    trx,
    postedEvents(rows, (id) => locked.get(id)?.kind === 'customer'),
    now,
  );

  const postings: Posting[] = rows.map((r) => ({
    id: r.id,
    entryId,
    accountId: r.account_id,
    amount: r.amount,
    currency: r.currency,
    balanceAfter: r.balance_after,
  }));
  return {
    id: entryId,
    reference: input.reference,
    kind: options.kind,
    bookedAt,
    valueDate,
    description: input.description,
    counterparty: input.counterparty ?? null,
    category: input.category ?? null,
    merchant: input.merchant ?? null,
    reversesEntryId: options.reversesEntryId ?? null,
    postings,
  };
}
