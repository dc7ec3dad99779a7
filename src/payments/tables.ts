/**
 * @module The payments module's tables (schema `payments`): payments, their append-only status
 * history, and the apps' idempotency keys (stored in the same transaction as the payment they name).
 */
import type { Generated } from 'kysely';

export const SCHEMA = 'payments';

type Int = number | bigint;

export interface PaymentsTable {
  id: string;
  client_id: string;
  consent_id: string;
  customer_id: string;
  debtor_account_id: string;
  creditor_name: string;
  creditor_account_number: string | null;
  creditor_bank_code: string | null;
  creditor_mobile_number: string | null;
  /** The ledger account credited: the creditor's own account in this bank, or settlement / clearing. */
  credit_account_id: string;
  /** The payee, normalised (the risk module's key). */
  beneficiary: string;
  amount: Int;
  fee: Int;
  currency: string;
  reference: string;
  description: string | null;
  status: string;
  iso_status: string;
  /** The workflow step reached (see `types.ts`). */
  phase: string;
  decision: string;
  risk_decision_id: string;
  reason_code: string | null;
  reason: string | null;
  hold_id: string | null;
  fee_hold_id: string | null;
  entry_id: string | null;
  fee_entry_id: string | null;
  /** The operator's review, recorded before the money moves (so recovery can finish it). */
  review_actor: string | null;
  review_note: string | null;
  /** While in flight: until when the process working on it owns it; then recovery takes over. */
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface PaymentHistoryTable {
  id: Generated<Int>;
  payment_id: string;
  at: string;
  from_status: string | null;
  to_status: string;
  iso_status: string;
  reason_code: string | null;
  reason: string;
  /** `app:<client id>`, `system` or `operator:<name>`. */
  actor: string;
}

export interface IdempotencyKeysTable {
  client_id: string;
  key: string;
  /** SHA-256 of the customer and the request body: the same key with another request is refused. */
  fingerprint: string;
  payment_id: string;
  created_at: string;
  expires_at: string;
}

export interface PaymentsTables {
  payments: PaymentsTable;
  payment_history: PaymentHistoryTable;
  idempotency_keys: IdempotencyKeysTable;
}
