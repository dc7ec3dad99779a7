/**
 * The risk service on both databases: a check that does not answer in time, or whose store fails,
 * sends the payment to review (never to approval); monitor mode records but approves; a blocked
 * payee is declined; every decision is stored with its inputs and reasons and counted in metrics.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Registry } from 'prom-client';
import { newId } from '../platform/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { MemoryCounters, type RiskCounters } from './counters/index.ts';
import { createRiskService, type RiskDeps, riskMigrations } from './index.ts';
import type { PaymentFacts } from './types.ts';

const facts = (over: Partial<PaymentFacts> = {}): PaymentFacts => ({
  paymentId: newId('pay'),
  clientId: 'app_1',
  customerId: 'cus_1',
  consentId: 'cns_1',
  accountId: 'acc_1',
  beneficiary: 'mobile:+254712345678',
  amount: 500_00n,
  currency: 'KES',
  available: 100_000_00n,
  consentCreatedAt: Date.now() - 86_400_000,
  at: Date.now(),
  ...over,
});

/** Counters that answer after `ms`, or fail. */
const slow = (ms: number): RiskCounters => {
  const inner = new MemoryCounters();
  return {
    kind: 'memory',
    observe: async (o) => {
      await new Promise((r) => setTimeout(r, ms));
      return inner.observe(o);
    },
    remember: (c, b) => inner.remember(c, b),
  };
};
const broken: RiskCounters = {
  kind: 'redis',
  observe: async () => {
    throw new Error('Redis is down');
  },
  remember: async () => {},
};

eachBackend('the risk service', [riskMigrations], (ctx) => {
  const service = (over: Partial<RiskDeps> = {}) => {
    const registry = new Registry();
    const risk = createRiskService({
      database: ctx.database,
      counters: new MemoryCounters(),
      registry,
      mode: 'enforce',
      policy: { review: 50, decline: 90 },
      timeoutMs: 200,
      ...over,
    });
    return { risk, registry };
  };

  test('an ordinary payment is approved, and its decision is stored with its inputs and reasons', async () => {
    const { risk, registry } = service();
    const decision = await risk.assess(facts());
    assert.equal(decision.outcome, 'approve');
    assert.deepEqual(
      decision.hits.map((h) => h.rule),
      ['new_beneficiary'],
    );
    await ctx.database.db.transaction().execute((trx) => risk.record(trx, [decision]));
    const stored = await risk.decision({ paymentId: decision.paymentId });
    assert.equal(stored.id, decision.id);
    assert.equal(stored.risk.score, 20);
    assert.equal(stored.facts.amount, '50000');
    assert.equal(stored.facts.available, decision.facts.available.toString());
    const signals = stored.signals as {
      beneficiaryKnown: boolean;
      account: { count: number; sum: string }[];
    };
    assert.equal(signals.beneficiaryKnown, false);
    // Window sums are stored as decimal strings of minor units, beside their counts.
    assert.deepEqual(
      signals.account,
      decision.signals!.account.map((w) => ({ count: w.count, sum: w.sum.toString() })),
    );
    assert.ok(signals.account.length > 0 && signals.account[0]!.sum === '50000');
    assert.match(stored.hits[0]!.detail, /First payment to this payee/);
    const metrics = await registry.metrics();
    assert.match(
      metrics,
      /wekeza_risk_decisions_total\{proposed="approve",outcome="approve",mode="enforce"\} 1/,
    );
    assert.match(metrics, /wekeza_risk_rule_hits_total\{system="risk",rule="new_beneficiary"\} 1/);
  });

  test('a remembered payee is no longer new', async () => {
    const { risk } = service();
    await risk.approved('cus_1', 'mobile:+254712345678');
    assert.deepEqual((await risk.assess(facts())).hits, []);
  });

  test('a check that times out sends the payment to review, never to approval', async () => {
    const { risk, registry } = service({ counters: slow(500), timeoutMs: 50 });
    const started = Date.now();
    const decision = await risk.assess(facts());
    assert.ok(Date.now() - started < 400, 'answered at the timeout');
    assert.equal(decision.outcome, 'review');
    assert.equal(decision.timedOut, true);
    assert.equal(decision.signals, null);
    assert.deepEqual(
      decision.hits.map((h) => h.rule),
      ['check_timeout'],
    );
    assert.match(await registry.metrics(), /wekeza_risk_check_failures_total\{reason="timeout"\} 1/);
  });

  test('a check whose store fails is a review too', async () => {
    const { risk } = service({ counters: broken });
    const decision = await risk.assess(facts());
    assert.deepEqual([decision.outcome, decision.hits[0]?.rule], ['review', 'check_unavailable']);
  });

  test('monitor mode runs and records every rule but approves', async () => {
    const { risk, registry } = service({ mode: 'monitor', counters: slow(300), timeoutMs: 20 });
    const late = await risk.assess(facts());
    assert.deepEqual([late.proposed, late.outcome, late.mode], ['review', 'approve', 'monitor']);
    const { risk: shadow } = service({ mode: 'monitor' });
    const large = await shadow.assess(facts({ amount: 6_000_000_00n, available: 7_000_000_00n }));
    assert.deepEqual([large.proposed, large.outcome], ['decline', 'approve']);
    assert.ok(large.hits.some((h) => h.rule === 'amount' && h.points === 100));
    assert.match(await registry.metrics(), /proposed="review",outcome="approve",mode="monitor"/);
  });

  test('a blocked payee is declined until unblocked; blocks are listed with who and why', async () => {
    const { risk } = service();
    const payee = 'bank:01:1234567890';
    await risk.block(payee, 'Reported mule account', 'operator:amina');
    const declined = await risk.assess(facts({ beneficiary: payee }));
    assert.equal(declined.outcome, 'decline');
    assert.equal(declined.fraud.outcome, 'decline');
    assert.ok(declined.hits.some((h) => h.rule === 'blocked_beneficiary' && h.hard));
    assert.deepEqual(
      (await risk.blocks()).map((b) => [b.beneficiary, b.actor, b.reason]),
      [[payee, 'operator:amina', 'Reported mule account']],
    );
    assert.equal(await risk.unblock(payee, 'Cleared', 'operator:amina'), true);
    assert.equal(await risk.unblock(payee, 'Cleared', 'operator:amina'), false);
    assert.notEqual((await risk.assess(facts({ beneficiary: payee }))).outcome, 'decline');
  });

  test('a decision is append-only', async () => {
    const { risk } = service();
    const decision = await risk.assess(facts());
    await ctx.database.db.transaction().execute((trx) => risk.record(trx, [decision]));
    await assert.rejects(
      ctx.database
        .schema<{ decisions: { outcome: string; id: string } }>('risk')
        .updateTable('decisions')
        .set({ outcome: 'approve' })
        .where('id', '=', decision.id)
        .execute(),
      /append-only/,
    );
  });
});
