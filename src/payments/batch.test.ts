/**
 * Group commit on both databases: approved payments made at once are booked together, in fewer
 * ledger transactions than payments, each recorded whole (captured hold, entry, completed payment
 * with its history, decision and events); the ones a check refuses are rejected on their own with
 * their reason, and the funds of an account are never overspent; a batch that fails leaves nothing
 * and its payments are booked on their own; a key taken by another service is answered from it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { MODULE_MIGRATIONS } from '../app.ts';
import type { BatchItem, CoreBanking } from '../core-banking/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { entriesWithReference, paymentsHarness } from '../test-support/payments.ts';
import type { PaymentsBank } from './index.ts';

/** Core banking with its batches counted (sizes, in order). */
function countingBank(batches: number[]) {
  return (bank: CoreBanking): PaymentsBank => ({
    placeHolds: (...args) => bank.placeHolds(...args),
    captureHold: (...args) => bank.captureHold(...args),
    releaseHold: (...args) => bank.releaseHold(...args),
    internalAccount: (...args) => bank.internalAccount(...args),
    findAccountByNumber: (...args) => bank.findAccountByNumber(...args),
    settleBatch: (items: readonly BatchItem[], hooks) => {
      batches.push(items.length);
      return bank.settleBatch(items, hooks);
    },
  });
}

eachBackend('payments booked in batches', MODULE_MIGRATIONS, (ctx) => {
  const outboxCount = async (type: string, subjectPrefix: string) => {
    const row = await ctx.database
      .schema<{ outbox: { type: string; subject: string } }>('events')
      .selectFrom('outbox')
      .select(sql<number>`count(*)`.as('n'))
      .where('type', '=', type)
      .where('subject', 'like', `${subjectPrefix}%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  test('payments made at once are booked together, each recorded whole', async () => {
    const batches: number[] = [];
    const h = await paymentsHarness(ctx.database, { bank: countingBank(batches) });
    const payers = [
      await h.openFunded(1_000_00n),
      await h.openFunded(1_000_00n),
      await h.openFunded(1_000_00n),
    ];
    const payees = [await h.openFunded(0n), await h.openFunded(0n)];
    const made = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const payer = payers[i % 3]!;
        return h.payments.initiate(
          h.access(payer),
          `batch-${i}`,
          h.request(payer, payees[i % 2]!, 10_00n + BigInt(i)),
        );
      }),
    );
    assert.ok(batches.length < 30, `30 payments in ${batches.length} ledger transactions`);
    assert.ok(Math.max(...batches) > 1, 'some batch held several payments');
    for (const { payment, replayed } of made) {
      assert.equal(replayed, false);
      assert.equal(payment.status, 'completed');
      assert.equal(payment.isoStatus, 'ACSC');
      assert.equal(payment.phase, 'done');
      assert.deepEqual(
        payment.history.map((c) => [c.from, c.to, c.isoStatus]),
        [
          [null, 'pending', 'ACSP'],
          ['pending', 'completed', 'ACSC'],
        ],
      );
      const stored = await h.payments.find(payment.id);
      assert.deepEqual(stored, payment, 'the answer is what was stored');
      assert.equal(await entriesWithReference(ctx.database, payment.id), 1);
      const hold = await h.bank.getHold(payment.holdId!);
      assert.deepEqual(
        [hold.status, hold.entryId, hold.amount],
        ['captured', payment.entryId, payment.amount],
      );
      const entry = await h.bank.getEntry(payment.entryId!);
      // The capture's posting on the payer keeps the hold's transaction id, as a two-step capture does.
      assert.equal(
        entry.postings.find((p) => p.accountId === payment.debtorAccountId)?.id,
        hold.transactionId,
      );
      assert.equal((await h.risk.decision({ paymentId: payment.id })).outcome, 'approve');
      assert.equal(await outboxCount('payment.created', `payments/${payment.id}`), 1);
      assert.equal(await outboxCount('payment.completed', `payments/${payment.id}`), 1);
    }
    const paid = (i: number) => 10_00n + BigInt(i);
    for (const [p, payer] of payers.entries()) {
      const spent = Array.from({ length: 30 }, (_, i) => i)
        .filter((i) => i % 3 === p)
        .reduce((sum, i) => sum + paid(i), 0n);
      const balance = await h.bank.getBalance(payer.id);
      assert.deepEqual([balance.current, balance.held], [1_000_00n - spent, 0n]);
      // Its ten payments, and the opening deposit.
      assert.equal(await outboxCount('transaction.posted', `accounts/${payer.id}/`), 11);
    }
    for (const [q, payee] of payees.entries()) {
      const received = Array.from({ length: 30 }, (_, i) => i)
        .filter((i) => i % 2 === q)
        .reduce((sum, i) => sum + paid(i), 0n);
      assert.equal((await h.bank.getBalance(payee.id)).current, received);
    }
    // Statements list the payer's lines in order, each with its running balance.
    const lines = await h.bank.listTransactions(payers[0]!.id, {}, { limit: 100 });
    const debits = lines.data.filter((l) => l.creditDebit === 'debit');
    assert.equal(debits.length, 10);
    const report = await h.bank.verifyLedger();
    assert.equal(report.ok, true, JSON.stringify(report));
  });

  test('a batch never overspends an account: the payments the funds do not cover are rejected with the reason', async () => {
    const h = await paymentsHarness(ctx.database);
    const payer = await h.openFunded(100_00n);
    const payee = await h.openFunded(0n);
    const made = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        h.payments.initiate(h.access(payer), `drain-${i}`, h.request(payer, payee, 30_00n)),
      ),
    );
    const statuses = made.map((m) => m.payment.status).sort();
    assert.deepEqual(statuses, ['completed', 'completed', 'completed', 'rejected', 'rejected']);
    for (const { payment } of made.filter((m) => m.payment.status === 'rejected')) {
      assert.equal(payment.reasonCode, 'INSUFFICIENT_FUNDS');
      assert.equal(payment.isoStatus, 'RJCT');
      assert.equal(await entriesWithReference(ctx.database, payment.id), 0);
    }
    const balance = await h.bank.getBalance(payer.id);
    assert.deepEqual([balance.current, balance.held], [10_00n, 0n]);
    assert.equal((await h.bank.getBalance(payee.id)).current, 90_00n);
    const report = await h.bank.verifyLedger();
    assert.equal(report.ok, true, JSON.stringify(report));
  });

  test('a batch that fails leaves nothing, and its payments are booked on their own, once', async () => {
    let failures = 1;
    const h = await paymentsHarness(ctx.database, {
      faults: (step) => {
        if (step === 'batch_written' && failures > 0) {
          failures -= 1;
          throw new Error('the database went away mid-batch');
        }
      },
    });
    const payer = await h.openFunded(1_000_00n);
    const payee = await h.openFunded(0n);
    const made = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        h.payments.initiate(h.access(payer), `fail-${i}`, h.request(payer, payee, 25_00n)),
      ),
    );
    assert.equal(failures, 0, 'the fault was hit');
    for (const { payment } of made) {
      assert.equal(payment.status, 'completed');
      assert.equal(await entriesWithReference(ctx.database, payment.id), 1);
    }
    const holds = await ctx.database
      .schema<{ holds: { account_id: string } }>('core_banking')
      .selectFrom('holds')
      .select(sql<number>`count(*)`.as('n'))
      .where('account_id', '=', payer.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(holds.n), 4, 'one hold per payment: none left from the failed batch');
    assert.equal((await h.bank.getBalance(payer.id)).current, 900_00n);
    const report = await h.bank.verifyLedger();
    assert.equal(report.ok, true, JSON.stringify(report));
  });

  test('a key another service takes first is answered from its payment', async () => {
    const a = await paymentsHarness(ctx.database);
    const b = await paymentsHarness(ctx.database);
    const payer = await a.openFunded(1_000_00n);
    const payee = await a.openFunded(0n);
    const body = a.request(payer, payee, 40_00n, 'RACE');
    const access = a.access(payer);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).payments.initiate(access, 'race-1', body)),
    );
    const ids = new Set(answers.map((x) => x.payment.id));
    assert.equal(ids.size, 1, 'one payment');
    assert.ok(answers.every((x) => x.payment.status === 'completed'));
    assert.equal(answers.filter((x) => !x.replayed).length, 1, 'made once, replayed to the rest');
    assert.equal(await entriesWithReference(ctx.database, [...ids][0]!), 1);
    assert.equal((await a.bank.getBalance(payer.id)).current, 960_00n);
  });
});
