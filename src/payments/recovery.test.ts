/**
 * Crash recovery on both databases: the workflow is stopped right after each step (as a crash there
 * would leave it), then the recovery sweep — or a retry with the same key — finishes or releases the
 * payment: never half-done, never paid twice. A payment whose owner is still within its lease is
 * left alone (a retry meanwhile is a 409). A payment nobody reviews is rejected by the sweep once its
 * review time is up, and its funds released.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULE_MIGRATIONS } from '../app.ts';
import type { Account } from '../core-banking/index.ts';
import { isAppError } from '../platform/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { entriesWithReference, type PaymentsHarness, paymentsHarness } from '../test-support/payments.ts';
import type { Step } from './index.ts';

const LEASE_MS = 30_000;
const REVIEW_EXPIRY_MS = 96 * 3_600_000;

eachBackend('payment recovery', MODULE_MIGRATIONS, (ctx) => {
  let h: PaymentsHarness;
  let clock = Date.now();
  let crashAt: { step: Step; decision?: string } | undefined;
  let payer: Account;
  let payee: Account;
  let keys = 0;

  const crash = (step: Step) => {
    if (crashAt?.step === step) {
      crashAt = undefined;
      throw new Error(`crash after ${step}`);
    }
  };

  const entries = (reference: string) => entriesWithReference(ctx.database, reference);

  /** Starts a payment that crashes after `step`; returns its id. */
  const interrupted = async (step: Step, amount: bigint) => {
    crashAt = { step };
    const key = `crash-${++keys}`;
    const body = h.request(payer, payee, amount, `CRASH-${keys}`);
    await assert.rejects(h.payments.initiate(h.access(payer), key, body), /crash after/);
    const [row] = (await h.payments.listAll({ limit: 1 })).data;
    return { id: row!.id, key, body };
  };

  const sweepLater = async () => {
    clock += LEASE_MS + 1;
    return h.payments.recover();
  };

  test('setup', async () => {
    h = await paymentsHarness(ctx.database, {
      now: () => clock,
      leaseMs: LEASE_MS,
      reviewExpiryMs: REVIEW_EXPIRY_MS,
      waitMs: 50,
      faults: (step) => crash(step),
      // Each payment in its own steps: those are what a crash can interrupt (a batch is all or nothing).
      batch: 0,
    });
    payer = await h.openFunded(100_000_00n);
    payee = await h.openFunded(0n);
  });

  for (const step of ['recorded', 'held', 'captured'] as const) {
    test(`an approved payment interrupted after "${step}" is completed by the sweep, once`, async () => {
      const before = await h.bank.getBalance(payer.id);
      const { id } = await interrupted(step, 100_00n);
      const stuck = await h.payments.find(id);
      assert.equal(stuck.status, 'pending');
      assert.equal(stuck.phase, 'decided');
      assert.equal(await h.payments.recover(), 0, 'not while its lease runs');
      assert.equal(await sweepLater(), 1);
      const done = await h.payments.find(id);
      assert.equal(done.status, 'completed');
      assert.equal(await entries(id), 1);
      const after = await h.bank.getBalance(payer.id);
      assert.equal(before.current - after.current, 100_00n);
      assert.equal(after.held, before.held, 'no hold left behind');
      assert.match(await h.registry.metrics(), /wekeza_payments_recovered_total\{phase="decided"\} [1-9]/);
    });
  }

  test('a payment held for review and interrupted before it was parked is parked by the sweep', async () => {
    const { id } = await interrupted('held', 600_00n);
    assert.equal(await sweepLater(), 1);
    const parked = await h.payments.find(id);
    assert.equal(parked.status, 'under_review');
    const hold = await h.bank.getHold(parked.holdId!);
    assert.deepEqual([hold.status, hold.amount], ['active', 600_00n]);
  });

  for (const decision of ['approve', 'reject'] as const) {
    test(`an operator's ${decision} interrupted half-way is carried out by the sweep`, async () => {
      const { id } = await (async () => {
        const body = h.request(payer, payee, 700_00n, `REVIEW-${decision}`);
        const { payment } = await h.payments.initiate(h.access(payer), `review-${decision}`, body);
        assert.equal(payment.status, 'under_review');
        return payment;
      })();
      const before = await h.bank.getBalance(payer.id);
      crashAt = { step: 'review_recorded' };
      await assert.rejects(h.payments.review(id, decision, 'amina', 'checked'), /crash after/);
      assert.equal((await h.payments.find(id)).status, 'under_review');
      assert.equal(await sweepLater(), 1);
      const done = await h.payments.find(id);
      const after = await h.bank.getBalance(payer.id);
      if (decision === 'approve') {
        assert.equal(done.status, 'completed');
        assert.equal(await entries(id), 1);
        assert.equal(before.current - after.current, 700_00n);
      } else {
        assert.equal(done.status, 'rejected');
        assert.equal(done.reasonCode, 'REVIEW_REJECTED');
        assert.equal(await entries(id), 0);
        assert.equal(after.current, before.current);
      }
      assert.equal(before.held - after.held, 700_00n, 'the hold is gone either way');
      assert.equal(done.history.at(-1)?.actor, 'operator:amina');
    });
  }

  test('a rejection interrupted between recording it and releasing the funds is released by the sweep', async () => {
    const body = h.request(payer, payee, 800_00n, 'RELEASE');
    const { payment } = await h.payments.initiate(h.access(payer), 'release-me', body);
    const before = await h.bank.getBalance(payer.id);
    crashAt = { step: 'released' };
    await assert.rejects(
      h.payments.review(payment.id, 'reject', 'juma', null as unknown as undefined),
      /crash after/,
    );
    const midway = await h.payments.find(payment.id);
    assert.deepEqual([midway.status, midway.phase], ['rejected', 'releasing']);
    assert.equal(await sweepLater(), 1);
    const done = await h.payments.find(payment.id);
    assert.equal(done.phase, 'done');
    assert.equal(before.held - (await h.bank.getBalance(payer.id)).held, 800_00n);
    assert.equal(done.history.filter((c) => c.to === 'rejected').length, 1, 'rejected once in the history');
  });

  test('a retry with the same key finishes an interrupted payment once its lease has run out', async () => {
    const { id, key, body } = await interrupted('held', 150_00n);
    const early = await h.payments.initiate(h.access(payer), key, body).catch((err) => err);
    assert.ok(isAppError(early) && early.code === 'IDEMPOTENCY_KEY_IN_FLIGHT', String(early));
    clock += LEASE_MS + 1;
    const retried = await h.payments.initiate(h.access(payer), key, body);
    assert.equal(retried.replayed, true);
    assert.equal(retried.payment.id, id);
    assert.equal(retried.payment.status, 'completed');
    assert.equal(await entries(id), 1);
    assert.equal(await h.payments.recover(), 0, 'nothing left for the sweep');
  });

  /** A payment held for review (700.00 is above the review threshold) from a payer of its own. */
  const heldForReview = async (label: string) => {
    const from = await h.openFunded(5_000_00n);
    const body = h.request(from, payee, 700_00n, label);
    const { payment } = await h.payments.initiate(h.access(from), label, body);
    assert.equal(payment.status, 'under_review');
    return { payment, from };
  };

  test('a payment nobody reviews is rejected as REVIEW_EXPIRED when its review time is up, its funds released', async () => {
    const { payment, from } = await heldForReview('unreviewed');
    assert.equal((await h.bank.getBalance(from.id)).held, 700_00n);
    clock += REVIEW_EXPIRY_MS - 1000;
    await h.payments.recover();
    assert.equal((await h.payments.find(payment.id)).status, 'under_review', 'not before its time');
    clock += 2000;
    await h.payments.recover();
    const expired = await h.payments.find(payment.id);
    assert.deepEqual(
      [expired.status, expired.phase, expired.reasonCode],
      ['rejected', 'done', 'REVIEW_EXPIRED'],
    );
    assert.equal(expired.history.at(-1)?.actor, 'system');
    assert.match(expired.reason ?? '', /not reviewed within 96 h/);
    assert.equal(h.payments.toDto(expired).status_reason?.iso_code, 'MS03');
    const balance = await h.bank.getBalance(from.id);
    assert.deepEqual([balance.current, balance.held], [5_000_00n, 0n], 'nothing moved, nothing held');
    assert.equal((await h.bank.getHold(expired.holdId!)).status, 'released');
    assert.match(
      await h.registry.metrics(),
      /wekeza_payment_rejections_total\{reason="REVIEW_EXPIRED"\} [1-9]/,
    );
    // An operator who comes to it afterwards finds it decided.
    const late = await h.payments.review(payment.id, 'approve', 'amina').catch((err) => err);
    assert.ok(isAppError(late) && late.code === 'PAYMENT_NOT_UNDER_REVIEW', String(late));
    assert.equal(await entries(payment.id), 0);
  });

  test('an operator deciding as the review time runs out: one decision wins, and the money follows it', async () => {
    const held = [];
    for (let i = 0; i < 4; i++) held.push(await heldForReview(`race-${i}`));
    clock += REVIEW_EXPIRY_MS + 1;
    const decisions = await Promise.all([
      h.payments.recover(),
      ...held.map(({ payment }) => h.payments.review(payment.id, 'approve', 'amina').catch((err) => err)),
    ]);
    for (const [i, { payment, from }] of held.entries()) {
      const answer = decisions[i + 1];
      const done = await h.payments.find(payment.id);
      const balance = await h.bank.getBalance(from.id);
      assert.equal(balance.held, 0n, 'no funds left held');
      if (done.status === 'completed') {
        assert.equal(answer.status, 'completed', 'the operator was told their approval was carried out');
        assert.equal(await entries(payment.id), 1);
        assert.equal(balance.current, 5_000_00n - 700_00n);
      } else {
        assert.deepEqual([done.status, done.reasonCode], ['rejected', 'REVIEW_EXPIRED']);
        assert.ok(isAppError(answer) && answer.code === 'PAYMENT_NOT_UNDER_REVIEW', String(answer));
        assert.equal(await entries(payment.id), 0);
        assert.equal(balance.current, 5_000_00n);
      }
    }
  });

  test('the same approval sent several times at once is carried out once, and each is answered with it', async () => {
    // Its own service, waiting long enough for the request carrying it out even on a loaded machine.
    const own = await paymentsHarness(ctx.database, { waitMs: 15_000 });
    const from = await own.openFunded(5_000_00n);
    const { payment } = await own.payments.initiate(
      own.access(from),
      'approved-at-once',
      own.request(from, payee, 700_00n),
    );
    assert.equal(payment.status, 'under_review');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        own.payments.review(payment.id, 'approve', 'amina').catch((err) => err),
      ),
    );
    for (const answer of answers) assert.equal(answer.status, 'completed', String(answer));
    assert.equal(await entries(payment.id), 1);
    assert.equal((await own.bank.getBalance(from.id)).current, 5_000_00n - 700_00n);
  });

  test('an expiry interrupted after it was recorded is not taken over by an operator: the sweep finishes it', async () => {
    const { payment, from } = await heldForReview('expiry-recorded');
    clock += REVIEW_EXPIRY_MS + 1;
    crashAt = { step: 'review_recorded' };
    await h.payments.recover();
    assert.deepEqual(
      [(await h.payments.find(payment.id)).phase, (await h.bank.getBalance(from.id)).held],
      ['review_rejected', 700_00n],
      'recorded, not carried out',
    );
    clock += LEASE_MS + 1;
    const late = await h.payments.review(payment.id, 'reject', 'amina').catch((err) => err);
    assert.ok(isAppError(late) && late.code === 'PAYMENT_NOT_UNDER_REVIEW', String(late));
    await h.payments.recover();
    const done = await h.payments.find(payment.id);
    assert.deepEqual([done.phase, done.reasonCode], ['done', 'REVIEW_EXPIRED']);
    assert.equal(done.history.at(-1)?.actor, 'system');
    assert.equal((await h.bank.getBalance(from.id)).held, 0n);
  });

  test('an expiry interrupted half-way through the release is finished by a later sweep', async () => {
    const { payment, from } = await heldForReview('expiry-crash');
    clock += REVIEW_EXPIRY_MS + 1;
    crashAt = { step: 'released' };
    await h.payments.recover();
    const midway = await h.payments.find(payment.id);
    assert.deepEqual([midway.status, midway.phase], ['rejected', 'releasing']);
    assert.equal(await sweepLater(), 1);
    const done = await h.payments.find(payment.id);
    assert.deepEqual([done.phase, done.reasonCode], ['done', 'REVIEW_EXPIRED']);
    assert.equal((await h.bank.getBalance(from.id)).held, 0n);
    assert.equal(done.history.filter((c) => c.to === 'rejected').length, 1, 'rejected once in the history');
  });

  test('the ledger verifies after all of it', async () => {
    const report = await h.bank.verifyLedger();
    assert.equal(report.ok, true, JSON.stringify(report));
  });
});
