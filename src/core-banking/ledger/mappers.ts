/** @module Rows of the core-banking tables turned into domain objects. */
import type { Selectable } from 'kysely';
import { minorFromDb } from '../../platform/index.ts';
import type {
  AccountsTable,
  BalancesTable,
  CustomersTable,
  EntriesTable,
  HoldsTable,
  PostingsTable,
} from '../tables.ts';
import type {
  Account,
  Balance,
  BookedTransaction,
  Customer,
  Entry,
  Hold,
  PendingTransaction,
  Posting,
} from '../types.ts';

export const toCustomer = (r: Selectable<CustomersTable>): Customer => ({
  id: r.id,
  username: r.username,
  name: r.name,
  email: r.email,
  phone: r.phone,
  kycStatus: r.kyc_status as Customer['kycStatus'],
  createdAt: r.created_at,
});

export const toAccount = (r: Selectable<AccountsTable>): Account => ({
  id: r.id,
  customerId: r.customer_id,
  kind: r.kind,
  type: r.type as Account['type'],
  currency: r.currency,
  status: r.status as Account['status'],
  accountNumber: r.account_number,
  nickname: r.nickname,
  overdraftLimit: minorFromDb(r.overdraft_limit),
  openedOn: r.opened_on,
});

export function toBalance(
  r: Pick<
    Selectable<BalancesTable>,
    'account_id' | 'currency' | 'current' | 'held' | 'last_seq' | 'last_hold_version' | 'updated_at'
  >,
  overdraftLimit: bigint,
): Balance {
  const current = minorFromDb(r.current);
  const held = minorFromDb(r.held);
  return {
    accountId: r.account_id,
    currency: r.currency,
    current,
    held,
    available: current - held,
    overdraftLimit,
    asOf: r.updated_at,
    version: Number(r.last_seq) + Number(r.last_hold_version),
  };
}

export const toPosting = (r: Selectable<PostingsTable>): Posting => ({
  id: r.id,
  entryId: r.entry_id,
  accountId: r.account_id,
  amount: minorFromDb(r.amount),
  currency: r.currency,
  balanceAfter: minorFromDb(r.balance_after),
});

export const toEntry = (r: Selectable<EntriesTable>, postings: Posting[]): Entry => ({
  id: r.id,
  reference: r.reference,
  kind: r.kind,
  bookedAt: r.booked_at,
  valueDate: r.value_date,
  description: r.description,
  counterparty: r.counterparty,
  category: r.category,
  merchant: r.merchant,
  reversesEntryId: r.reverses_entry_id,
  postings,
});

/** A posting with what its entry and hold add: the statement line of a booked transaction. */
export type BookedRow = Selectable<PostingsTable> & {
  readonly reference: string;
  readonly merchant: string | null;
  readonly authorised_at: string | null;
};

export function toBookedTransaction(r: BookedRow): BookedTransaction {
  const amount = minorFromDb(r.amount);
  return {
    id: r.id,
    status: 'booked',
    entryId: r.entry_id,
    accountId: r.account_id,
    amount,
    currency: r.currency,
    creditDebit: amount > 0n ? 'credit' : 'debit',
    balanceAfter: minorFromDb(r.balance_after),
    bookedAt: r.booked_at,
    valueDate: r.value_date,
    reference: r.reference,
    description: r.description,
    counterparty: r.counterparty,
    category: r.category,
    merchant: r.merchant,
    authorisedAt: r.authorised_at,
  };
}

/** An active hold as the pending transaction of its account: a debit, not yet booked. */
export const toPendingTransaction = (r: Selectable<HoldsTable>): PendingTransaction => ({
  id: r.transaction_id,
  status: 'pending',
  holdId: r.id,
  accountId: r.account_id,
  amount: -minorFromDb(r.amount),
  currency: r.currency,
  creditDebit: 'debit',
  reference: r.reference,
  description: r.description,
  counterparty: r.counterparty,
  category: r.category,
  merchant: r.merchant,
  authorisedAt: r.created_at,
});

export const toHold = (r: Selectable<HoldsTable>): Hold => ({
  id: r.id,
  accountId: r.account_id,
  amount: minorFromDb(r.amount),
  currency: r.currency,
  reference: r.reference,
  status: r.status,
  description: r.description,
  counterparty: r.counterparty,
  category: r.category,
  merchant: r.merchant,
  transactionId: r.transaction_id,
  entryId: r.entry_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
