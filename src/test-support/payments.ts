/**
 * @module Test fixture: the payments and risk services over a real database and core banking,
 * without HTTP (the gateway's part, the consent, is given as a view). For recovery and property
 * tests that drive the workflow directly: customers with funded KES accounts, a clock, risk rules
 * that make outcomes predictable, and the fault seam that stops the workflow after a step.
 */
import { sql } from 'kysely';
import { Registry } from 'prom-client';
import type { Account, CoreBanking } from '../core-banking/index.ts';
import { createCoreBanking } from '../core-banking/index.ts';
import type { CustomerAccess } from '../gateway/index.ts';
import {
  createPaymentService,
  type PaymentRequest,
  type PaymentService,
  type PaymentsBank,
  type PaymentsDeps,
  paymentMetrics,
} from '../payments/index.ts';
import { type Database, loadConfig, newId } from '../platform/index.ts';
import { createRiskService, MemoryCounters, type RiskService } from '../risk/index.ts';

export const TEST_BANK_CODE = '99';

/** How many journal entries carry this reference (a payment's entries carry its id). */
export async function entriesWithReference(database: Database, reference: string): Promise<number> {
  const row = await database
    .schema<{ entries: { reference: string } }>('core_banking')
    .selectFrom('entries')
    .select(sql<number>`count(*)`.as('n'))
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Rules under which the outcome depends on the amount alone: from KES 500 a review, from KES 5,000
 * a decline; every other rule is silenced.
 */
export const AMOUNT_ONLY_RULES = {
  amount: { review: { KES: '500.00' }, decline: { KES: '5000.00' } },
  accountVelocity: { limits: [{ seconds: 60, count: 1000000 }] },
  appVelocity: { limits: [{ seconds: 60, count: 1000000 }] },
  newBeneficiary: { points: 0, largePoints: 0 },
  unusualHour: { points: 0 },
  balanceDrain: { points: 0 },
  consentAge: { points: 0 },
  rapidRepeat: { count: 1000000 },
  muleBeneficiary: { payers: 1000000 },
  roundAmountBurst: { points: 0 },
};

export interface PaymentsHarness {
  readonly bank: CoreBanking;
  readonly risk: RiskService;
  readonly payments: PaymentService;
  readonly registry: Registry;
  /** Opens a KES current account for a new customer, funded from settlement. */
  openFunded(funds: bigint, overdraftLimit?: bigint): Promise<Account>;
  /** What the gateway would hand over for a customer token on a consent covering these accounts. */
  access(account: Account, extra?: readonly Account[]): CustomerAccess;
  /** A request paying `amount` minor units from one account to another of this bank. */
  request(from: Account, to: Account, amount: bigint, reference?: string): PaymentRequest;
}

export async function paymentsHarness(
  database: Database,
  options: {
    readonly rules?: Record<string, unknown>;
    readonly leaseMs?: number;
    readonly reviewExpiryMs?: number;
    readonly waitMs?: number;
    readonly now?: () => number;
    readonly faults?: PaymentsDeps['faults'];
    /** Most payments booked in one ledger transaction (the default's); 0: each in its own steps. */
    readonly batch?: number;
    /** Fee per payment in minor units, by currency (none by default, as in the sandbox). */
    readonly fees?: Readonly<Record<string, bigint>>;
    /** What the payments service calls core banking through (a test's wrapper can stall a call). */
    readonly bank?: (bank: CoreBanking) => PaymentsBank;
  } = {},
): Promise<PaymentsHarness> {
  const bank = createCoreBanking(database);
  const registry = new Registry();
  const now = options.now ?? Date.now;
  const risk = createRiskService({
    database,
    counters: new MemoryCounters(),
    registry,
    mode: 'enforce',
    policy: { review: 50, decline: 90 },
    timeoutMs: 1000,
    rules: options.rules ?? AMOUNT_ONLY_RULES,
    now,
  });
  const payments = createPaymentService({
    database,
    bank: options.bank ? options.bank(bank) : bank,
    account: async (id) => ({ account: await bank.getAccount(id), balance: await bank.getBalance(id) }),
    risk,
    settings: {
      publicUrl: 'http://wekeza.test',
      bankCode: TEST_BANK_CODE,
      fees: options.fees ?? {},
      keyTtlMs: 24 * 3_600_000,
      waitMs: options.waitMs ?? 2000,
      leaseMs: options.leaseMs ?? 30_000,
      reviewExpiryMs: options.reviewExpiryMs ?? 96 * 3_600_000,
      batch: options.batch ?? loadConfig({}).paymentBatch,
    },
    metrics: paymentMetrics(registry),
    now,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const settlement = await bank.internalAccount('settlement', 'KES');
  const customerIds = new Map<string, string>();
  const consentIds = new Map<string, string>();
  return {
    bank,
    risk,
    payments,
    registry,
    async openFunded(funds, overdraftLimit = 0n) {
      const suffix = newId('acc').slice(-10).toLowerCase();
      const customer = await bank.createCustomer({
        username: `payer-${suffix}`,
        password: 'a long sandbox password',
        name: `Payer ${suffix}`,
        email: `payer-${suffix}@example.co.ke`,
        phone: '+254700000000',
      });
      const account = await bank.openAccount({
        customerId: customer.id,
        type: 'current',
        currency: 'KES',
        nickname: 'Main',
        overdraftLimit,
      });
      customerIds.set(account.id, customer.id);
      if (funds > 0n) {
        await bank.postTransfer({
          reference: `fund:${account.id}`,
          debitAccountId: settlement.id,
          creditAccountId: account.id,
          amount: funds,
          currency: 'KES',
          description: 'Opening deposit',
        });
      }
      return account;
    },
    access(account, extra = []) {
      // One consent per set of accounts: a retry under it is the same request.
      const accountIds = [account.id, ...extra.map((a) => a.id)];
      let consentId = consentIds.get(accountIds.join());
      if (!consentId) {
        // Given two hours ago: older than the consent-age rule looks at.
        consentId = newId('cns', Date.now() - 2 * 3_600_000);
        consentIds.set(accountIds.join(), consentId);
      }
      return {
        clientId: 'app_harness',
        customerId: account.customerId!,
        consent: {
          id: consentId,
          status: 'authorized',
          clientId: 'app_harness',
          customerId: account.customerId,
          scopes: ['payments.write'],
          accountIds,
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          transactionFromDate: null,
          transactionToDate: null,
          maxAmount: null,
        },
      };
    },
    request(from, to, amount, reference = 'TEST') {
      const major = `${amount / 100n}.${String(amount % 100n).padStart(2, '0')}`;
      return {
        debtor_account_id: from.id,
        creditor: { name: 'Creditor', account_number: to.accountNumber, bank_code: TEST_BANK_CODE },
        amount: { amount: major, currency: 'KES' },
        reference,
      };
    },
  };
}
