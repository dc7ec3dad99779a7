/**
 * Two processes on one database, both databases: a process that stalls past its lease (a pause, a
 * wait for a connection) while another takes its payment over and decides it cannot then move money
 * for that payment; and a payment's amount and fee are reserved together, so payments at once
 * cannot each reserve a part and all be refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULE_MIGRATIONS } from '../app.ts';
import type { CoreBanking } from '../core-banking/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { entriesWithReference, paymentsHarness } from '../test-support/payments.ts';
import type { PaymentsBank } from './index.ts';

const LEASE_MS = 30_000;

/** Core banking whose next hold placement waits until `resume` is called. */
function stallingBank() {
  let stalled: (() => void) | undefined;
  let resume: (() => void) | undefined;
  const reached = new Promise<void>((r) => {
    stalled = r;
  });
  const wrap = (bank: CoreBanking): PaymentsBank => ({
    ...bank,
    placeHolds: async (inputs, options) => {
      if (stalled) {
        const gate = new Promise<void>((r) => {
          resume = r;
        });
        stalled();
        stalled = undefined;
        await gate;
      }
      return bank.placeHolds(inputs, options);
    },
  });
  return { wrap, reached, resume: () => resume?.() };
}

eachBackend('payments taken over from a stalled process', MODULE_MIGRATIONS, (ctx) => {
  test('a payment rejected by the process that took it over is not paid by the one that stalled', async () => {
    let clock = Date.now();
    const stall = stallingBank();
    const a = await paymentsHarness(ctx.database, {
      now: () => clock,
      leaseMs: LEASE_MS,
      waitMs: 50,
      bank: stall.wrap,
    });
    const b = await paymentsHarness(ctx.database, { now: () => clock, leaseMs: LEASE_MS, waitMs: 50 });
    const payer = await a.openFunded(50_00n);
    const payee = await a.openFunded(0n);

    // A records the payment (95.00 from 50.00) and stalls before its hold.
    const answered = a.payments.initiate(a.access(payer), 'stall-1', a.request(payer, payee, 95_00n));
    await stall.reached;
    // Its lease runs out; B's sweep takes it over: the hold is refused, the payment rejected.
    clock += LEASE_MS + 1;
    assert.equal(await b.payments.recover(), 1);
    const [row] = (await b.payments.listAll({ limit: 1 })).data;
    const rejected = await b.payments.find(row!.id);
    assert.deepEqual([rejected.status, rejected.reasonCode], ['rejected', 'INSUFFICIENT_FUNDS']);

    // Money arrives, then A wakes up: its hold would fit now, but the payment is no longer its own.
    const settlement = await a.bank.internalAccount('settlement', 'KES');
    await a.bank.postTransfer({
      reference: `late:${payer.id}`,
      debitAccountId: settlement.id,
      creditAccountId: payer.id,
      amount: 100_00n,
      currency: 'KES',
      description: 'Salary',
    });
    stall.resume();
    const { payment } = await answered;
    assert.deepEqual(
      [payment.id, payment.status, payment.reasonCode],
      [row!.id, 'rejected', 'INSUFFICIENT_FUNDS'],
    );

    assert.equal(await entriesWithReference(ctx.database, row!.id), 0, 'nothing booked for it');
    assert.equal((await a.bank.getBalance(payee.id)).current, 0n);
    const balance = await a.bank.getBalance(payer.id);
    assert.deepEqual([balance.current, balance.held], [150_00n, 0n], 'nothing held for it either');
    assert.equal((await a.bank.verifyLedger()).ok, true);
  });

  test('payments at once that fit with their fees are not all refused for the fee', async () => {
    const h = await paymentsHarness(ctx.database, { fees: { KES: 5_00n } });
    const payer = await h.openFunded(200_00n);
    const payee = await h.openFunded(0n);
    // 105.00 each (amount and fee) from 200.00: one fits, the other does not.
    const answers = await Promise.all(
      ['fee-a', 'fee-b'].map((key) =>
        h.payments.initiate(h.access(payer), key, h.request(payer, payee, 100_00n, key)),
      ),
    );
    const statuses = answers.map((a) => a.payment.status).sort();
    assert.deepEqual(statuses, ['completed', 'rejected']);
    const refused = answers.find((a) => a.payment.status === 'rejected')!.payment;
    assert.equal(refused.reasonCode, 'INSUFFICIENT_FUNDS');
    const balance = await h.bank.getBalance(payer.id);
    assert.deepEqual([balance.current, balance.held], [95_00n, 0n]);
  });
});
