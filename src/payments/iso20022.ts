/**
 * @module ISO 20022 codes beside ours: the payment status (ExternalPaymentTransactionStatus1Code)
 * and the rejection reason (ExternalStatusReason1Code).
 */
import type { Outcome } from '../risk/index.ts';
import type { IsoStatus, PaymentStatus, Phase, ReasonCode } from './types.ts';

/**
 * PDNG while a decision is pending (received, or under review); ACSP once accepted for execution
 * (approved, by the policy or an operator, money not yet booked); ACSC when the debtor's account is
 * settled; RJCT when rejected.
 */
export function isoStatusOf(status: PaymentStatus, phase: Phase, decision: Outcome): IsoStatus {
  switch (status) {
    case 'completed':
      return 'ACSC';
    case 'rejected':
      return 'RJCT';
    case 'under_review':
      return phase === 'review_approved' ? 'ACSP' : 'PDNG';
    case 'pending':
      return decision === 'approve' ? 'ACSP' : 'PDNG';
  }
}

export const REASONS: Readonly<Record<ReasonCode, { readonly iso: string; readonly text: string }>> = {
  INSUFFICIENT_FUNDS: { iso: 'AM04', text: 'The debtor account has insufficient funds' },
  ACCOUNT_NOT_OPEN: { iso: 'AC06', text: 'The debtor account is not open' },
  CREDITOR_ACCOUNT_NOT_OPEN: { iso: 'AC06', text: 'The creditor account is not open' },
  RISK_DECLINED: { iso: 'MS03', text: 'Declined by the risk policy' },
  FRAUD_SUSPECTED: { iso: 'FR01', text: 'Declined as suspected fraud' },
  BENEFICIARY_BLOCKED: { iso: 'AG01', text: 'Payments to this beneficiary are blocked' },
  REVIEW_REJECTED: { iso: 'MS03', text: 'Rejected after review' },
  REVIEW_EXPIRED: { iso: 'MS03', text: 'Not reviewed in time; the held funds were released' },
};
