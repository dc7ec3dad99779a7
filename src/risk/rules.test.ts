/**
 * Each rule of the risk engine and the fraud system, proven to fire and not to fire; the decision
 * policy; and the checking of rule overrides. Pure functions, no database.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verdict } from './policy.ts';
import type { Rule } from './rules/context.ts';
import {
  blockedBeneficiaryRule,
  muleBeneficiaryRule,
  rapidRepeatRule,
  roundAmountBurstRule,
} from './rules/fraud-rules.ts';
import {
  accountVelocityRule,
  amountRule,
  appVelocityRule,
  balanceDrainRule,
  consentAgeRule,
  newBeneficiaryRule,
  unusualHourRule,
} from './rules/risk-rules.ts';
import { resolveRules } from './rules-config.ts';
import type { PaymentFacts, RuleHit, Signals } from './types.ts';

const rules = resolveRules();
const AT = Date.parse('2026-03-10T09:30:00.000Z');

const facts = (over: Partial<PaymentFacts> = {}): PaymentFacts => ({
  paymentId: 'pay_1',
  clientId: 'app_1',
  customerId: 'cus_1',
  consentId: 'cns_1',
  accountId: 'acc_1',
  beneficiary: 'mobile:+254712345678',
  amount: 1_500_00n,
  currency: 'KES',
  available: 120_000_00n,
  consentCreatedAt: AT - 7 * 86_400_000,
  at: AT,
  ...over,
});

/** An ordinary customer's signals: known payee, quiet account, payments at all hours. */
const signals = (over: Partial<Signals> = {}): Signals => ({
  account: [
    { count: 1, sum: 1_500_00n },
    { count: 3, sum: 5_000_00n },
    { count: 8, sum: 20_000_00n },
  ],
  app: [
    { count: 40, sum: 90_000_00n },
    { count: 900, sum: 1_000_000_00n },
  ],
  beneficiaryKnown: true,
  sameBeneficiary: 1,
  newPayers: 1,
  roundBurst: 0,
  hours: { total: 100, near: 12 },
  blocked: false,
  ...over,
});

const run = (rule: Rule, f: Partial<PaymentFacts> = {}, s: Partial<Signals> = {}): RuleHit | undefined =>
  rule({ facts: facts(f), signals: signals(s), rules });

describe('risk engine rules', () => {
  test('amount: fires from the review threshold per currency, declines from the decline one', () => {
    assert.equal(run(amountRule, { amount: 249_999_99n }), undefined);
    assert.equal(run(amountRule, { amount: 250_000_00n })?.points, 60);
    assert.equal(run(amountRule, { amount: 5_000_000_00n })?.points, 100);
    assert.match(
      run(amountRule, { amount: 250_000_00n })!.detail,
      /KES 250000\.00 is at or above KES 250000\.00/,
    );
    assert.equal(run(amountRule, { amount: 2_000_00n, currency: 'USD' })?.points, 60);
    assert.equal(run(amountRule, { amount: 10_000_000_00n, currency: 'TZS' }), undefined, 'no threshold set');
  });

  test('account velocity: fires on the count or the sum of any window', () => {
    assert.equal(run(accountVelocityRule), undefined);
    const busy = run(accountVelocityRule, {}, { account: [{ count: 61, sum: 100_00n }] });
    assert.equal(busy?.points, 60);
    assert.match(busy!.detail, /61 payments from this account within 1 min \(limit 60\)/);
    const big = run(
      accountVelocityRule,
      {},
      {
        account: [
          { count: 2, sum: 10_00n },
          { count: 5, sum: 1_000_000_01n },
        ],
      },
    );
    assert.match(big!.detail, /within 1 h \(limit KES 1000000\.00\)/);
    assert.equal(run(accountVelocityRule, {}, { account: [{ count: 60, sum: 500_000_00n }] }), undefined);
  });

  test('app velocity: fires when one app pays too much too often', () => {
    assert.equal(run(appVelocityRule), undefined);
    assert.equal(run(appVelocityRule, {}, { app: [{ count: 30_001, sum: 1n }] })?.rule, 'app_velocity');
    assert.equal(
      run(appVelocityRule, {}, { app: [{ count: 1, sum: 100_000_000_01n }] })?.rule,
      'app_velocity',
    );
  });

  test('new beneficiary: a few points for a new payee, more for a large first payment', () => {
    assert.equal(run(newBeneficiaryRule), undefined);
    assert.equal(run(newBeneficiaryRule, {}, { beneficiaryKnown: false })?.points, 20);
    assert.equal(run(newBeneficiaryRule, { amount: 50_000_00n }, { beneficiaryKnown: false })?.points, 50);
  });

  test('unusual hour: fires only with enough history and almost none at this time of day', () => {
    assert.equal(run(unusualHourRule), undefined);
    assert.equal(
      run(unusualHourRule, {}, { hours: { total: 19, near: 0 } }),
      undefined,
      'too little history',
    );
    const odd = run(unusualHourRule, {}, { hours: { total: 60, near: 1 } });
    assert.equal(odd?.points, 25);
    assert.match(odd!.detail, /1 of the customer's 60 earlier payments .* 09:00 UTC/);
    assert.equal(
      run(unusualHourRule, {}, { hours: { total: 60, near: 2 } }),
      undefined,
      '3.3 % is usual enough',
    );
  });

  test('balance drain: fires from 90 % of the available balance, not for small amounts', () => {
    assert.equal(run(balanceDrainRule, { amount: 10_000_00n, available: 100_000_00n }), undefined);
    const drain = run(balanceDrainRule, { amount: 90_000_00n, available: 100_000_00n });
    assert.equal(drain?.points, 40);
    assert.match(drain!.detail, /90\.0 % of the available KES 100000\.00/);
    assert.equal(
      run(balanceDrainRule, { amount: 999_00n, available: 1_000_00n }),
      undefined,
      'below KES 1,000',
    );
    assert.equal(run(balanceDrainRule, { amount: 1_000_00n, available: 0n })?.rule, 'balance_drain');
  });

  test('consent age: fires for a consent given within the hour', () => {
    assert.equal(run(consentAgeRule), undefined);
    const fresh = run(consentAgeRule, { consentCreatedAt: AT - 5 * 60_000 });
    assert.equal(fresh?.points, 15);
    assert.match(fresh!.detail, /given 5 min ago/);
    assert.equal(run(consentAgeRule, { consentCreatedAt: AT - 60 * 60_000 }), undefined);
  });
});

describe('fraud system rules', () => {
  test('blocked beneficiary: a hard hit', () => {
    assert.equal(run(blockedBeneficiaryRule), undefined);
    const hit = run(blockedBeneficiaryRule, {}, { blocked: true });
    assert.equal(hit?.hard, true);
    assert.equal(hit?.system, 'fraud');
  });

  test('rapid repeat: a few dozen payments a minute to one payee pass; more fire', () => {
    assert.equal(run(rapidRepeatRule, {}, { sameBeneficiary: 36 }), undefined);
    assert.equal(run(rapidRepeatRule, {}, { sameBeneficiary: 50 }), undefined);
    assert.match(
      run(rapidRepeatRule, {}, { sameBeneficiary: 51 })!.detail,
      /51 payments to this payee within 1 min/,
    );
  });

  test('mule beneficiary: fires when many customers started paying the payee recently', () => {
    assert.equal(run(muleBeneficiaryRule, {}, { newPayers: 4 }), undefined);
    assert.equal(run(muleBeneficiaryRule, {}, { newPayers: 5 })?.points, 70);
  });

  test('round-amount burst: fires on the tenth round amount in ten minutes, only for a round amount', () => {
    assert.equal(run(roundAmountBurstRule, { amount: 5_000_00n }, { roundBurst: 9 }), undefined);
    assert.equal(run(roundAmountBurstRule, { amount: 5_000_00n }, { roundBurst: 10 })?.points, 50);
    assert.equal(
      run(roundAmountBurstRule, { amount: 5_000_50n }, { roundBurst: 10 }),
      undefined,
      'not round',
    );
    assert.equal(
      run(roundAmountBurstRule, { amount: 500_00n }, { roundBurst: 10 }),
      undefined,
      'below the unit',
    );
  });
});

describe('the decision policy', () => {
  const policy = { review: 50, decline: 90 };
  const hit = (system: 'risk' | 'fraud', points: number, hard = false): RuleHit => ({
    system,
    rule: 'x',
    points,
    detail: '',
    ...(hard ? { hard } : {}),
  });

  test('scores add up per system; the stricter system wins', () => {
    assert.equal(verdict([hit('risk', 20), hit('risk', 15)], policy, 'enforce').outcome, 'approve');
    const review = verdict([hit('risk', 20), hit('risk', 40)], policy, 'enforce');
    assert.deepEqual([review.risk.score, review.outcome], [60, 'review']);
    const strict = verdict([hit('risk', 60), hit('fraud', 95)], policy, 'enforce');
    assert.deepEqual(
      [strict.risk.outcome, strict.fraud.outcome, strict.outcome],
      ['review', 'decline', 'decline'],
    );
    assert.equal(verdict([hit('risk', 70), hit('risk', 70)], policy, 'enforce').risk.score, 100, 'capped');
  });

  test('a hard hit declines whatever the score; monitor mode proposes but approves', () => {
    assert.equal(verdict([hit('fraud', 0, true)], policy, 'enforce').outcome, 'decline');
    const shadow = verdict([hit('fraud', 100, true)], policy, 'monitor');
    assert.deepEqual([shadow.proposed, shadow.outcome], ['decline', 'approve']);
  });

  test('the default rules let an ordinary customer pay a new payee a small amount on a new consent', () => {
    const f = { consentCreatedAt: AT - 60_000 };
    const s = { beneficiaryKnown: false };
    const hits = [newBeneficiaryRule, consentAgeRule, balanceDrainRule, amountRule]
      .map((r) => run(r, f, s))
      .filter((h) => h !== undefined);
    assert.equal(verdict(hits, policy, 'enforce').outcome, 'approve');
  });
});

describe('rule overrides (WEKEZA_RISK_RULES)', () => {
  test('merge into the defaults, amounts in minor units', () => {
    const custom = resolveRules({
      amount: { review: { KES: '1000.00' } },
      accountVelocity: { limits: [{ seconds: 10, count: 3 }] },
    });
    assert.equal(custom.amount.review.KES, 1_000_00n);
    assert.equal(custom.amount.review.USD, 2_000_00n, 'other currencies keep their defaults');
    assert.deepEqual(custom.accountVelocity.limits, [{ seconds: 10, count: 3, sum: {} }]);
    assert.equal(custom.rapidRepeat.count, 50);
    assert.ok(Object.isFrozen(custom.amount));
  });

  test('refuse unknown rules and bad values, naming them', () => {
    for (const [bad, path] of [
      [{ amout: {} }, /amout is not a known rule/],
      [{ amount: { points: 101 } }, /amount\.points must be between 0 and 100/],
      [{ amount: { review: { XXX: '1.00' } } }, /amount\.review\.XXX is not a supported currency/],
      [{ amount: { review: { KES: '1.001' } } }, /amount\.review\.KES must be a positive amount/],
      [{ balanceDrain: { share: 1.5 } }, /balanceDrain\.share must be a share/],
      [{ accountVelocity: { limits: [] } }, /accountVelocity\.limits must be a non-empty array/],
      [{ rapidRepeat: { count: 2.5 } }, /rapidRepeat\.count must be a whole number/],
    ] as const) {
      assert.throws(() => resolveRules(bad), path);
    }
  });
});
