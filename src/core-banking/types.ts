/**
 * @module The core-banking module's domain types: what its interface hands to other modules.
 * Money is integer minor units (`bigint`); a positive posting credits an account, a negative one debits it.
 */

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
  readonly reversesEntryId: string | null;
  readonly postings: readonly Posting[];
}

/** One line of an account's statement: a posting seen from that account. */
export interface Transaction {
  readonly id: string;
  readonly entryId: string;
  readonly accountId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly creditDebit: 'credit' | 'debit';
  readonly balanceAfter: bigint;
  readonly bookedAt: string;
  readonly valueDate: string;
  readonly description: string;
  readonly counterparty: string | null;
  readonly category: string | null;
}

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
}

export interface Hold {
  readonly id: string;
  readonly accountId: string;
  readonly amount: bigint;
  readonly currency: string;
  readonly reference: string;
  readonly status: 'active' | 'released' | 'captured';
  readonly description: string;
  readonly entryId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

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
