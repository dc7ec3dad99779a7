/** @module Payments between their rows and their domain form (amounts exact, history in order). */
import type { Insertable } from 'kysely';
import { minorFromDb } from '../platform/index.ts';
import type { PaymentHistoryTable, PaymentsTable } from './tables.ts';
import type { IsoStatus, Payment, PaymentStatus, Phase, ReasonCode, StatusChange } from './types.ts';

export function toRow(p: Payment): PaymentsTable {
  return {
    id: p.id,
    client_id: p.clientId,
    consent_id: p.consentId,
    customer_id: p.customerId,
    debtor_account_id: p.debtorAccountId,
    creditor_name: p.creditor.name,
    creditor_account_number: p.creditor.accountNumber,
    creditor_bank_code: p.creditor.bankCode,
    creditor_mobile_number: p.creditor.mobileNumber,
    credit_account_id: p.creditAccountId,
    beneficiary: p.beneficiary,
    amount: p.amount,
    fee: p.fee,
    currency: p.currency,
    reference: p.reference,
    description: p.description,
    status: p.status,
    iso_status: p.isoStatus,
    phase: p.phase,
    decision: p.decision,
    risk_decision_id: p.riskDecisionId,
    reason_code: p.reasonCode,
    reason: p.reason,
    hold_id: p.holdId,
    fee_hold_id: p.feeHoldId,
    entry_id: p.entryId,
    fee_entry_id: p.feeEntryId,
    review_actor: p.reviewActor,
    review_note: p.reviewNote,
    lease_until: p.leaseUntil,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

export type HistoryRow = Omit<PaymentHistoryTable, 'id'>;

const toChange = (h: HistoryRow): StatusChange => ({
  at: h.at,
  from: h.from_status as PaymentStatus | null,
  to: h.to_status as PaymentStatus,
  isoStatus: h.iso_status as IsoStatus,
  reasonCode: h.reason_code as ReasonCode | null,
  reason: h.reason,
  actor: h.actor,
});

export const toHistoryRow = (paymentId: string, h: StatusChange): Insertable<PaymentHistoryTable> => ({
  payment_id: paymentId,
  at: h.at,
  from_status: h.from,
  to_status: h.to,
  iso_status: h.isoStatus,
  reason_code: h.reasonCode,
  reason: h.reason,
  actor: h.actor,
});

export function fromRow(r: PaymentsTable, history: readonly HistoryRow[]): Payment {
  return {
    id: r.id,
    clientId: r.client_id,
    consentId: r.consent_id,
    customerId: r.customer_id,
    debtorAccountId: r.debtor_account_id,
    creditor: {
      name: r.creditor_name,
      accountNumber: r.creditor_account_number,
      bankCode: r.creditor_bank_code,
      mobileNumber: r.creditor_mobile_number,
    },
    creditAccountId: r.credit_account_id,
    beneficiary: r.beneficiary,
    amount: minorFromDb(r.amount),
    fee: minorFromDb(r.fee),
    currency: r.currency,
    reference: r.reference,
    description: r.description,
    status: r.status as PaymentStatus,
    isoStatus: r.iso_status as IsoStatus,
    phase: r.phase as Phase,
    decision: r.decision as Payment['decision'],
    riskDecisionId: r.risk_decision_id,
    reasonCode: r.reason_code as ReasonCode | null,
    reason: r.reason,
    holdId: r.hold_id,
    feeHoldId: r.fee_hold_id,
    entryId: r.entry_id,
    feeEntryId: r.fee_entry_id,
    reviewActor: r.review_actor,
    reviewNote: r.review_note,
    leaseUntil: r.lease_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    history: history.map(toChange),
  };
}
