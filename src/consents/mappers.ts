/** @module Rows of the consents tables turned into domain objects (a consent with its history). */
import type { Selectable } from 'kysely';
import { minorFromDb } from '../platform/index.ts';
import type { ConsentHistoryTable, ConsentsTable } from './tables.ts';
import type { Consent, ConsentHistoryEntry, ConsentScope, ConsentStatus } from './types.ts';

export type ConsentRow = Selectable<ConsentsTable>;
export type HistoryRow = Selectable<ConsentHistoryTable>;

export const toHistoryEntry = (r: HistoryRow): ConsentHistoryEntry => ({
  at: r.at,
  from: r.from_status as ConsentStatus | null,
  to: r.to_status as ConsentStatus,
  actor: r.actor,
  reason: r.reason,
});

export const toConsent = (r: ConsentRow, history: readonly HistoryRow[]): Consent => ({
  id: r.id,
  clientId: r.client_id,
  status: r.status as ConsentStatus,
  scopes: JSON.parse(r.scopes) as ConsentScope[],
  expiresAt: r.expires_at,
  transactionFromDate: r.transaction_from_date,
  transactionToDate: r.transaction_to_date,
  maxAmount:
    r.max_amount === null || r.max_amount_currency === null
      ? null
      : { minor: minorFromDb(r.max_amount), currency: r.max_amount_currency },
  customerId: r.customer_id,
  accountIds: JSON.parse(r.account_ids) as string[],
  grantId: r.grant_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  history: history.map(toHistoryEntry),
});
