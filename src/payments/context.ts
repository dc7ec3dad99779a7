/**
 * @module What every payments function receives: the module's Kysely handle (schema `payments`),
 * the other modules it calls through their interfaces, its settings, metrics and clock.
 */
import type { Kysely } from 'kysely';
import type { Account, AccountWithBalance, CoreBanking } from '../core-banking/index.ts';
import type { Config, Database } from '../platform/index.ts';
import type { RiskService } from '../risk/index.ts';
import type { PaymentMetrics } from './metrics.ts';
import type { PaymentsTables } from './tables.ts';
import type { Payment } from './types.ts';

/** The core-banking calls a payment makes. */
export type PaymentsBank = Pick<
  CoreBanking,
  'placeHolds' | 'captureHold' | 'releaseHold' | 'internalAccount' | 'findAccountByNumber' | 'settleBatch'
>;

export interface PaymentSettings {
  readonly publicUrl: string;
  /** This bank's code: creditors with it are credited inside the bank. */
  readonly bankCode: string;
  /** Fee per payment in minor units, by currency. */
  readonly fees: Readonly<Record<string, bigint>>;
  readonly keyTtlMs: number;
  /** How long a request waits for an in-flight one with its key before 409. */
  readonly waitMs: number;
  /** How long a process owns an in-flight payment before recovery may take it over. */
  readonly leaseMs: number;
  /** How long a payment waits for an operator's review before it is rejected as expired. */
  readonly reviewExpiryMs: number;
  /** Most approved payments booked together in one ledger transaction; 0: each in its own steps. */
  readonly batch: number;
}

/** The payments settings of the platform's configuration. */
export const paymentSettingsOf = (config: Config): PaymentSettings => ({
  publicUrl: config.publicUrl,
  bankCode: config.bankCode,
  fees: config.paymentFees,
  keyTtlMs: config.idempotencyKeyHours * 3_600_000,
  waitMs: config.idempotencyWaitMs,
  leaseMs: config.paymentRecoverySeconds * 1000,
  reviewExpiryMs: config.paymentReviewHours * 3_600_000,
  batch: config.paymentBatch,
});

/** Named points of the workflow, for tests that simulate a crash right after one. */
export type Step = 'recorded' | 'held' | 'captured' | 'released' | 'review_recorded' | 'batch_written';

export interface PaymentsDeps {
  readonly database: Database;
  readonly bank: PaymentsBank;
  /** An account with its balance (cached: the accounts module's cache). */
  readonly account: (accountId: string) => Promise<AccountWithBalance>;
  readonly risk: RiskService;
  readonly settings: PaymentSettings;
  readonly metrics: PaymentMetrics;
  readonly now?: () => number;
  readonly log?: (err: unknown, message: string) => void;
  /** Test seam: throws after a step to leave the payment as a crash there would. */
  readonly faults?: (step: Step, payment: Payment) => void;
}

export interface PaymentsContext extends Omit<PaymentsDeps, 'now' | 'log'> {
  readonly db: Kysely<PaymentsTables>;
  readonly now: () => number;
  readonly log: (err: unknown, message: string) => void;
  /** The bank's own account of a type and currency (looked up once: they never change). */
  readonly internalAccountId: (type: 'settlement' | 'clearing' | 'fees', currency: string) => Promise<string>;
  /**
   * The account with this number in this bank, cached for a minute (numbers, currencies and owners
   * never change; a status that changed meanwhile is caught when the payment is booked).
   */
  readonly accountByNumber: (accountNumber: string) => Promise<Account | undefined>;
}
