/**
 * @module The consents module's tables (schema `consents`). Scopes and account ids are JSON text on
 * both backends; the payment limit is integer minor units (read through `minorFromDb`).
 */
import type { Generated } from 'kysely';

export const SCHEMA = 'consents';

type Int = number | bigint;

export interface ConsentsTable {
  id: string;
  client_id: string;
  status: string;
  /** JSON array of scopes. */
  scopes: string;
  expires_at: string;
  transaction_from_date: string | null;
  transaction_to_date: string | null;
  max_amount: Int | null;
  max_amount_currency: string | null;
  customer_id: string | null;
  /** JSON array of account ids; `[]` until authorised. */
  account_ids: string;
  grant_id: string | null;
  created_at: string;
  updated_at: string;
  authorized_at: string | null;
}

/** Append-only (database triggers refuse updates and deletes); `id` orders a consent's entries. */
export interface ConsentHistoryTable {
  id: Generated<Int>;
  consent_id: string;
  at: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  reason: string;
}

/** One row per account a consent covers (written with the authorisation). */
export interface ConsentAccountsTable {
  account_id: string;
  consent_id: string;
}

export interface ConsentTables {
  consents: ConsentsTable;
  consent_history: ConsentHistoryTable;
  consent_accounts: ConsentAccountsTable;
}
