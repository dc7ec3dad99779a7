/**
 * @module The risk module's domain types: the facts of a payment about to be made, the signals the
 * counters add, the rule hits, and the stored decision that explains an outcome.
 */

export type Outcome = 'approve' | 'review' | 'decline';
export type RiskMode = 'enforce' | 'monitor';
/** The risk engine scores the customer's behaviour; the fraud system looks for attack patterns. */
export type RiskSystem = 'risk' | 'fraud';

/** What the risk engine and the fraud system are asked about: one payment about to be made. */
export interface PaymentFacts {
  readonly paymentId: string;
  readonly clientId: string;
  readonly customerId: string;
  readonly consentId: string;
  readonly accountId: string;
  /** The payee, normalised (see `beneficiaryKey`). */
  readonly beneficiary: string;
  /** Positive minor units. */
  readonly amount: bigint;
  readonly currency: string;
  /** The debtor account's available balance before the payment, in minor units. */
  readonly available: bigint;
  /** When the consent was created (epoch ms). */
  readonly consentCreatedAt: number;
  /** When the payment was received (epoch ms). */
  readonly at: number;
}

export interface WindowCount {
  readonly count: number;
  /** Minor units of the payment's currency. */
  readonly sum: bigint;
}

/** What the counters know about recent activity; counts include this payment. */
export interface Signals {
  /** One per account velocity limit, in the order of the rules. */
  readonly account: readonly WindowCount[];
  /** One per app velocity limit, in the order of the rules (sums in the payment's currency). */
  readonly app: readonly WindowCount[];
  /** The customer paid this beneficiary before (an approved payment). */
  readonly beneficiaryKnown: boolean;
  /** Payments from the account to this beneficiary within the rapid-repeat window. */
  readonly sameBeneficiary: number;
  /** Distinct customers who started paying this beneficiary within the mule window. */
  readonly newPayers: number;
  /** Round-amount payments from the account within the burst window (0 when this one is not round). */
  readonly roundBurst: number;
  /** The customer's earlier payments: all of them, and those within an hour of this one's time of day. */
  readonly hours: { readonly total: number; readonly near: number };
  /** The beneficiary is on the block list. */
  readonly blocked: boolean;
}

export interface RuleHit {
  readonly system: RiskSystem;
  readonly rule: string;
  /** Added to the system's score (0–100); a hard hit declines whatever the score. */
  readonly points: number;
  readonly hard?: boolean;
  /** Why, in words an analyst reads. */
  readonly detail: string;
}

export interface SystemScore {
  readonly score: number;
  readonly outcome: Outcome;
}

/** A decision with everything that explains it; stored before any money moves. */
export interface RiskDecision {
  readonly id: string;
  readonly paymentId: string;
  readonly mode: RiskMode;
  /** What the policy decided (the strictest of the two systems). */
  readonly proposed: Outcome;
  /** What happens: `proposed` when enforcing, always `approve` in monitor mode. */
  readonly outcome: Outcome;
  readonly risk: SystemScore;
  readonly fraud: SystemScore;
  readonly hits: readonly RuleHit[];
  /** The check did not answer in time (or its store failed): review, never silent approval. */
  readonly timedOut: boolean;
  readonly facts: PaymentFacts;
  /** Null when the check timed out before the counters answered. */
  readonly signals: Signals | null;
  readonly decidedAt: string;
  readonly durationMs: number;
}

export interface BeneficiaryBlock {
  readonly beneficiary: string;
  readonly reason: string;
  readonly actor: string;
  readonly blockedAt: string;
}
