/**
 * The workflow's other paths on both databases: a configured fee is held with the payment and
 * booked to the bank's fees account (none by default); a fee the account cannot also afford rejects
 * the payment (the amount and the fee are held together, or not at all); a creditor account closed after validation rejects it at
 * booking, releasing the hold; a payment not under review cannot be reviewed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULE_MIGRATIONS } from '../app.ts';
import { eachBackend } from '../test-support/backends.ts';
import { paymentsHarness } from '../test-support/payments.ts';

eachBackend('the payment workflow', MODULE_MIGRATIONS, (ctx) => {
  test('a configured fee is held with the payment and booked to the fees account', async () => {
    const h = await paymentsHarness(ctx.database, { fees: { KES: 25_00n } });
    const payer = await h.openFunded(1_000_00n);
    const payee = await h.openFunded(0n);
    const fees = await h.bank.internalAccount('fees', 'KES');
    const feesBefore = (await h.bank.getBalance(fees.id)).current;
    const { payment } = await h.payments.initiate(h.access(payer), 'fee-1', h.request(payer, payee, 100_00n));
    assert.equal(payment.status, 'completed');
    assert.equal(h.payments.toDto(payment).fee.amount, '25.00');
    assert.equal((await h.bank.getBalance(payer.id)).current, 1_000_00n - 125_00n);
    assert.equal((await h.bank.getBalance(payee.id)).current, 100_00n);
    assert.equal((await h.bank.getBalance(fees.id)).current - feesBefore, 25_00n);
    assert.equal((await h.bank.getEntry(payment.feeEntryId!)).reference, `${payment.id}:fee`);
  });

  test('without a configured fee a payment costs nothing', async () => {
    const h = await paymentsHarness(ctx.database);
    const payer = await h.openFunded(1_000_00n);
    const payee = await h.openFunded(0n);
    const { payment } = await h.payments.initiate(
      h.access(payer),
      'free-1',
      h.request(payer, payee, 100_00n),
    );
    assert.deepEqual([payment.fee, payment.feeEntryId], [0n, null]);
    assert.equal((await h.bank.getBalance(payer.id)).current, 900_00n);
  });

  test('a fee the account cannot also afford rejects the payment, holding nothing', async () => {
    const h = await paymentsHarness(ctx.database, { fees: { KES: 25_00n } });
    const payer = await h.openFunded(110_00n);
    const payee = await h.openFunded(0n);
    const { payment } = await h.payments.initiate(h.access(payer), 'fee-2', h.request(payer, payee, 100_00n));
    assert.equal(payment.status, 'rejected');
    assert.equal(payment.reasonCode, 'INSUFFICIENT_FUNDS');
    assert.match(payment.reason ?? '', /with the fee/);
    const balance = await h.bank.getBalance(payer.id);
    assert.deepEqual([balance.current, balance.held], [110_00n, 0n]);
    assert.deepEqual(
      [payment.holdId, payment.feeHoldId],
      [null, null],
      'the amount and the fee are held together',
    );
  });

  test('a creditor account closed after validation rejects the payment at booking and releases the hold', async () => {
    const h = await paymentsHarness(ctx.database);
    const payer = await h.openFunded(1_000_00n);
    const payee = await h.openFunded(0n);
    // Validated (and its number cached) while open…
    await h.payments.initiate(h.access(payer), 'open-1', h.request(payer, payee, 10_00n));
    // …then closed by the bank.
    await ctx.database
      .schema<{ accounts: { id: string; status: string } }>('core_banking')
      .updateTable('accounts')
      .set({ status: 'closed' })
      .where('id', '=', payee.id)
      .execute();
    const { payment } = await h.payments.initiate(
      h.access(payer),
      'closed-1',
      h.request(payer, payee, 10_00n),
    );
    assert.equal(payment.status, 'rejected');
    assert.equal(payment.reasonCode, 'CREDITOR_ACCOUNT_NOT_OPEN');
    assert.equal((await h.bank.getHold(payment.holdId!)).status, 'released');
    assert.equal((await h.bank.getBalance(payer.id)).available, 990_00n);
    assert.equal(payment.history.at(-1)?.to, 'rejected');
  });

  test('only a payment under review can be reviewed', async () => {
    const h = await paymentsHarness(ctx.database);
    const payer = await h.openFunded(1_000_00n);
    const payee = await h.openFunded(0n);
    const { payment } = await h.payments.initiate(
      h.access(payer),
      'plain-1',
      h.request(payer, payee, 10_00n),
    );
    await assert.rejects(h.payments.review(payment.id, 'approve', 'amina'), {
      code: 'PAYMENT_NOT_UNDER_REVIEW',
    });
    await assert.rejects(h.payments.review('pay_01JD000000000000000000000A', 'approve', 'amina'), {
      code: 'PAYMENT_NOT_FOUND',
    });
    const report = await h.bank.verifyLedger();
    assert.equal(report.ok, true, JSON.stringify(report));
  });
});
