/**
 * @module The payments module's domain types. A payment's `status` is what the app sees; its
 * `phase` is the workflow step it has reached, kept so that an interrupted payment can be finished:
 *
 * - `decided`: recorded with its risk decision (approve or review); next, reserve the funds.
 * - `awaiting_review`: funds held, waiting for an operator (at rest).
 * - `review_approved` / `review_rejected`: the operator decided; next, capture or release the hold.
 * - `releasing`: rejected while holding funds; next, release them.
 * - `done`: completed or rejected (at rest).
 */
import type { Outcome } from '../risk/index.ts';

export type PaymentStatus = 'pending' | 'under_review' | 'completed' | 'rejected';
export type Phase =
  | 'decided'
  | 'awaiting_review'
  | 'review_approved'
  | 'review_rejected'
  | 'releasing'
  | 'done';
export const IN_FLIGHT_PHASES: readonly Phase[] = [
  'decided',
  'review_approved',
  'review_rejected',
  'releasing',
];
export const isAtRest = (phase: Phase): boolean => phase === 'done' || phase === 'awaiting_review';

export type IsoStatus = 'PDNG' | 'ACSP' | 'ACSC' | 'RJCT';

/** Why a payment was rejected. */
export type ReasonCode =
  | 'INSUFFICIENT_FUNDS'
  | 'ACCOUNT_NOT_OPEN'
  | 'CREDITOR_ACCOUNT_NOT_OPEN'
  | 'RISK_DECLINED'
  | 'FRAUD_SUSPECTED'
  | 'BENEFICIARY_BLOCKED'
  | 'REVIEW_REJECTED'
  | 'REVIEW_EXPIRED';

export interface Creditor {
  readonly name: string;
  readonly accountNumber: string | null;
  readonly bankCode: string | null;
  readonly mobileNumber: string | null;
}

export interface StatusChange {
  readonly at: string;
  readonly from: PaymentStatus | null;
  readonly to: PaymentStatus;
  readonly isoStatus: IsoStatus;
  readonly reasonCode: ReasonCode | null;
  readonly reason: string;
  /** `app:<client id>`, `system` or `operator:<name>`. */
  readonly actor: string;
}

export interface Payment {
  readonly id: string;
  readonly clientId: string;
  readonly consentId: string;
  readonly customerId: string;
  readonly debtorAccountId: string;
  readonly creditor: Creditor;
  readonly creditAccountId: string;
  readonly beneficiary: string;
  /** Minor units. */
  readonly amount: bigint;
  readonly fee: bigint;
  readonly currency: string;
  readonly reference: string;
  readonly description: string | null;
  readonly status: PaymentStatus;
  readonly isoStatus: IsoStatus;
  readonly phase: Phase;
  readonly decision: Outcome;
  readonly riskDecisionId: string;
  readonly reasonCode: ReasonCode | null;
  readonly reason: string | null;
  readonly holdId: string | null;
  readonly feeHoldId: string | null;
  readonly entryId: string | null;
  readonly feeEntryId: string | null;
  readonly reviewActor: string | null;
  readonly reviewNote: string | null;
  readonly leaseUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly StatusChange[];
}

/** A request to pay, as the API receives it (snake_case, amounts as decimal strings). */
export interface PaymentRequest {
  readonly debtor_account_id: string;
  readonly creditor: {
    readonly name: string;
    readonly account_number?: string;
    readonly bank_code?: string;
    readonly mobile_number?: string;
  };
  readonly amount: { readonly amount: string; readonly currency: string };
  readonly reference: string;
  readonly description?: string;
}

export interface PaymentPage {
  readonly data: readonly Payment[];
  readonly nextCursor: string | null;
}
