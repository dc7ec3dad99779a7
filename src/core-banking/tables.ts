/**
 * @module The core-banking module's tables (schema `core_banking`). Integer columns may come back
 * as number or bigint depending on size; money is always read through `minorFromDb`.
 */
type Int = number | bigint;

export interface CustomersTable {
  id: string;
  username: string;
  password_hash: string;
  name: string;
  email: string;
  phone: string;
  kyc_status: string;
  created_at: string;
}

export interface AccountsTable {
  id: string;
  customer_id: string | null;
  kind: 'customer' | 'internal';
  type: string;
  currency: string;
  status: string;
  account_number: string;
  nickname: string;
  overdraft_limit: Int;
  opened_on: string;
  created_at: string;
}

export interface BalancesTable {
  account_id: string;
  currency: string;
  current: Int;
  held: Int;
  /** The `seq` of the account's newest posting (0 before the first). */
  last_seq: Int;
  /** The `version` of the account's most recently changed hold (0 before the first). */
  last_hold_version: Int;
  updated_at: string;
}

export interface EntriesTable {
  id: string;
  reference: string;
  fingerprint: string;
  kind: string;
  booked_at: string;
  value_date: string;
  description: string;
  counterparty: string | null;
  category: string | null;
  /** The card acceptor of a card purchase or refund; null for everything else (and rows before 0002). */
  merchant: string | null;
  reverses_entry_id: string | null;
  created_at: string;
}

export interface PostingsTable {
  id: string;
  entry_id: string;
  account_id: string;
  amount: Int;
  currency: string;
  balance_after: Int;
  /** 1, 2, 3… per account, in the order postings were applied: the statement order. */
  seq: Int;
  booked_at: string;
  value_date: string;
  description: string;
  counterparty: string | null;
  category: string | null;
}

export interface HoldsTable {
  id: string;
  account_id: string;
  amount: Int;
  currency: string;
  reference: string;
  status: 'active' | 'released' | 'captured';
  description: string;
  counterparty: string | null;
  category: string | null;
  merchant: string | null;
  /** The id the hold shows as a pending transaction and, once captured, its posting's id. */
  transaction_id: string;
  /** 1, 2, 3… per account, taken from `balances.last_hold_version` on every change of a hold. */
  version: Int;
  /** The `version` the hold got when it was placed. */
  placed_version: Int;
  entry_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CoreBankingTables {
  customers: CustomersTable;
  accounts: AccountsTable;
  balances: BalancesTable;
  entries: EntriesTable;
  postings: PostingsTable;
  holds: HoldsTable;
}

export const SCHEMA = 'core_banking';
