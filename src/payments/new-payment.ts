/**
 * @module A new payment as first recorded: received from the app, with the risk decision behind it —
 * `pending` (to be held, then booked or parked for review) or, when declined, already `rejected`.
 */
import type { CustomerAccess } from '../gateway/index.ts';
import type { RiskDecision } from '../risk/index.ts';
import { isoStatusOf, REASONS } from './iso20022.ts';
import type { Payment, PaymentRequest, ReasonCode, StatusChange } from './types.ts';
import type { ValidPayment } from './validate.ts';

/** When a consent was created: the time part of its id (ids start with their creation time). */
export function createdAtOfId(id: string): number {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let ms = 0;
  for (const ch of body) ms = ms * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch);
  return ms;
}

export function declineReason(d: RiskDecision): ReasonCode {
  if (d.hits.some((h) => h.hard)) return 'BENEFICIARY_BLOCKED';
  return d.fraud.outcome === 'decline' ? 'FRAUD_SUSPECTED' : 'RISK_DECLINED';
}

export function newPayment(
  access: CustomerAccess,
  body: PaymentRequest,
  valid: ValidPayment,
  id: string,
  decision: RiskDecision,
  at: string,
  leaseUntil: string,
): Payment {
  const declined = decision.outcome === 'decline';
  const received: StatusChange = {
    at,
    from: null,
    to: 'pending',
    isoStatus: isoStatusOf('pending', 'decided', decision.outcome),
    reasonCode: null,
    reason: 'Received',
    actor: `app:${access.clientId}`,
  };
  const reasonCode = declined ? declineReason(decision) : null;
  const history: StatusChange[] = [received];
  if (reasonCode) {
    history.push({
      at,
      from: 'pending',
      to: 'rejected',
      isoStatus: 'RJCT',
      reasonCode,
      reason: REASONS[reasonCode].text,
      actor: 'system',
    });
  }
  return {
    id,
    clientId: access.clientId,
    consentId: access.consent.id,
    customerId: access.customerId,
    debtorAccountId: valid.debtorAccountId,
    creditor: valid.creditor,
    creditAccountId: valid.creditAccountId,
    beneficiary: valid.beneficiary,
    amount: valid.amount,
    fee: valid.fee,
    currency: valid.currency,
    reference: body.reference,
    description: body.description ?? null,
    status: declined ? 'rejected' : 'pending',
    isoStatus: history.at(-1)!.isoStatus,
    phase: declined ? 'done' : 'decided',
    decision: decision.outcome,
    riskDecisionId: decision.id,
    reasonCode,
    reason: reasonCode ? REASONS[reasonCode].text : null,
    holdId: null,
    feeHoldId: null,
    entryId: null,
    feeEntryId: null,
    reviewActor: null,
    reviewNote: null,
    leaseUntil: declined ? null : leaseUntil,
    createdAt: at,
    updatedAt: at,
    history,
  };
}
