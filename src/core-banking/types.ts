/**
 * @module The core-banking module's domain types: what its interface hands to other modules.
 * Money is integer minor units (`bigint`); a positive posting credits an account, a negative one debits it.
 */

import type { Kysely } from 'kysely';

export type AccountType = 'current' | 'savings' | InternalAccountType;
export type InternalAccountType = 'settlement' | 'clearing' | 'fees' | 'suspense' | 'interest';
export type AccountStatus = 'open' | 'frozen' | 'closed';
export type KycStatus = 'verified' | 'pending' | 'rejected';

export interface Customer {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly kycStatus: KycStatus;
  readonly createdAt: string;
}

export interface Account {
  readonly id: string;
  readonly customerId: string | null;
  readonly kind: 'customer' | 'internal';
  readonly type: AccountType;
  readonly currency: string;
  readonly status: AccountStatus;
  readonly accountNumber: string;
  readonly nickname: string;
  readonly overdraftLimit: bigint;
  readonly openedOn: string;
}

export interface Balance {
  readonly accountId: string;
  readonly currency: string;
  /** The booked balance: the sum of the account's postings. */
  readonly current: bigint;
  /** Funds reserved by active holds. */
  readonly held: bigint;
  /** What can be spent now: current − held (the overdraft limit is reported apart as the credit line). */
  readonly available: bigint;
  readonly overdraftLimit: bigint;
  readonly asOf: string;
  /**
   * Grows with every change of the balance — each posting takes the next `seq`, each hold change the
   * next hold version — so of two reads of one account, the later has the larger (or equal) version.
   */
  readonly version: number;
}

/** An account with its balance, read together. */
export interface AccountWithBalance {
  account: Account;
  balance: Balance;
}

export interface PostingInput {
  readonly accountId: string;
  /** Signed minor units: positive credits the account, negative debits it. */
  readonly amount: bigint;
  readonly currency: string;
  /** Overrides the entry's description on this account's statement line. */
  readonly description?: string;
  /** Overrides the entry's counterparty on this account's statement line. */
  readonly counterparty?: string | null;
}

export interface EntryDetails {
  /** Unique per entry: posting the same reference again returns the first entry (idempotency). */
  readonly reference: string;
  readonly description: string;
  readonly counterparty?: string | null;
  readonly category?: string | null;
  /** The card acceptor, for card purchases and refunds. */
  readonly merchant?: string | null;
  /** `YYYY-MM-DD`; defaults to the booking date. */
  readonly valueDate?: string;
}

export interface EntryInput extends EntryDetails {
  readonly postings: readonly PostingInput[];
}

export interface TransferInput extends EntryDetails {
  readonly debitAccountId: string;
  readonly creditAccountId: string;
  /** Positive minor units moved from the debit to the credit account. */
  readonly amount: bigint;
  readonly currency: string;
  /** The counterparty shown on the credit side (the entry's `counterparty` shows on the debit side). */
  readonly creditCounterparty?: string | null;
}

export interface Posting {
  readonly id: string;
  readonly entryId: string;
  readonly accountId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly balanceAfter: bigint;
}

export interface Entry {
  readonly id: string;
  readonly reference: string;
  readonly kind: string;
  readonly bookedAt: string;
  readonly valueDate: string;
  readonly description: string;
  readonly counterparty: string | null;
  readonly category: string | null;
  readonly merchant: string | null;
  readonly reversesEntryId: string | null;
  readonly postings: readonly Posting[];
}

interface TransactionBase {
  /** Stable across pending → booked: a captured hold's posting takes the hold's transaction id. */
  readonly id: string;
  readonly accountId: string;
  /** Signed minor units: positive credits the account, negative debits it. */
  readonly amount: bigint;
  readonly currency: string;
  readonly creditDebit: 'credit' | 'debit';
  /** The entry's reference when booked; the hold's reference while pending. */
  readonly reference: string;
  readonly description: string;
  readonly counterparty: string | null;
  readonly category: string | null;
  /** The card acceptor of a card purchase or refund, as recorded when it was posted; else null. */
  readonly merchant: string | null;
  /** When a card authorisation (hold) reserved the funds; null for lines that had none. */
  readonly authorisedAt: string | null;
}

/** One line of an account's statement: a posting seen from that account. */
export interface BookedTransaction extends TransactionBase {
  readonly status: 'booked';
  readonly entryId: string;
  readonly balanceAfter: bigint;
  readonly bookedAt: string;
  readonly valueDate: string;
}

/** An active hold seen from its account: funds reserved, not yet booked. */
export interface PendingTransaction extends TransactionBase {
  readonly status: 'pending';
  readonly holdId: string;
}

export type Transaction = BookedTransaction | PendingTransaction;

export interface TransactionFilter {
  /** Inclusive lower bound on the booking time (RFC 3339) or date (`YYYY-MM-DD`). */
  readonly bookedFrom?: string;
  /** Inclusive upper bound on the booking time (RFC 3339) or date (`YYYY-MM-DD`, the whole day). */
  readonly bookedTo?: string;
  readonly creditDebit?: 'credit' | 'debit';
  /** Bounds on the absolute amount, in minor units. */
  readonly minAmount?: bigint;
  readonly maxAmount?: bigint;
  /** Case-insensitive text searched in the description and counterparty. */
  readonly text?: string;
}

/** The booking window a consent allows (the same bounds as `TransactionFilter`). */
export type TransactionWindow = Pick<TransactionFilter, 'bookedFrom' | 'bookedTo'>;

/**
 * What changed on an account since a sync cursor, in commit order. Apply `removed` and upsert
 * `added` and `modified` by id; keep `nextCursor` for the next call and call again while `hasMore`.
 */
export interface TransactionChanges {
  /** Transactions the cursor has not seen: booked lines and pending holds. */
  readonly added: readonly Transaction[];
  /** Booked lines the cursor saw pending (a captured hold, same id). */
  readonly modified: readonly Transaction[];
  /** Ids of pending transactions the cursor saw that are gone (a released hold). */
  readonly removed: readonly string[];
  readonly nextCursor: string;
  readonly hasMore: boolean;
}

export interface Page<T> {
  readonly data: readonly T[];
  /** Opaque cursor of the next page, or null on the last page. */
  readonly nextCursor: string | null;
}

export interface HoldInput {
  readonly reference: string;
  readonly accountId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly description: string;
  /** Shown on the pending transaction; the capture inherits them unless it says otherwise. */
  readonly counterparty?: string | null;
  readonly category?: string | null;
  readonly merchant?: string | null;
}

export interface Hold {
  readonly id: string;
  readonly accountId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly reference: string;
  readonly status: 'active' | 'released' | 'captured';
  readonly description: string;
  readonly counterparty: string | null;
  readonly category: string | null;
  readonly merchant: string | null;
  /** The pending transaction's id, which the capture's posting on the held account keeps. */
  readonly transactionId: string;
  readonly entryId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * A caller's check that runs first inside a ledger transaction, with access to the other modules'
 * tables of the same database: throwing aborts the transaction, so nothing is posted. The payments
 * module fences its steps with it: a process whose lease on a payment was taken over cannot still
 * place or capture that payment's holds.
 */
export type LedgerGuard = (inTransaction: <T>(schema: string) => Kysely<T>) => Promise<void>;

export interface CaptureInput extends Omit<EntryDetails, 'reference'> {
  readonly reference: string;
  /** The account credited with the held funds (for example the settlement account). */
  readonly creditAccountId: string;
}

export interface NewCustomer {
  readonly username: string;
  readonly password: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly kycStatus?: KycStatus;
}

export interface NewAccount {
  readonly customerId: string | null;
  readonly type: AccountType;
  readonly currency: string;
  readonly nickname: string;
  readonly overdraftLimit?: bigint;
  readonly openedOn?: string;
  readonly accountNumber?: string;
  readonly id?: string;
}

/** The result of checking the ledger's invariants. */
export interface LedgerReport {
  readonly entries: number;
  readonly postings: number;
  readonly unbalancedEntries: readonly string[];
  readonly balanceMismatches: readonly string[];
  readonly holdMismatches: readonly string[];
  readonly overdrawnAccounts: readonly string[];
  readonly ok: boolean;
}
