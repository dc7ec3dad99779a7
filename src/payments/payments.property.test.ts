/**
 * Money safety, property-based, on both databases: random interleavings (concurrent batches) of
 * payments — approved, held for review, declined, unaffordable, retried with their key — operator
 * reviews and reversals of booked payments keep the ledger balanced, every balance equal to what
 * the completed payments and reversals say, every hold matching a payment under review, and no
 * account below its overdraft; a rejected payment (insufficient funds above all) never posts.
 *
 * Outcomes follow the amount alone (`AMOUNT_ONLY_RULES`): from KES 500 a review, from KES 5,000 a
 * decline. A failure prints fast-check's seed and path; `FC_RUNS=<n>` runs more sequences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MODULE_MIGRATIONS } from '../app.ts';
import type { Account } from '../core-banking/index.ts';
import { isAppError } from '../platform/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { entriesWithReference, type PaymentsHarness, paymentsHarness } from '../test-support/payments.ts';
import type { Payment, PaymentRequest } from './index.ts';

/** Opening balance and overdraft limit of each run's accounts. */
const ACCOUNTS = [
  [3_000_00n, 0n],
  [1_000_00n, 500_00n],
  [200_00n, 0n],
  [0n, 0n],
] as const;
const EXTERNAL = ACCOUNTS.length;

type Command =
  | { readonly t: 'pay'; readonly from: number; readonly to: number; readonly amount: bigint }
  | { readonly t: 'retry'; readonly of: number }
  | { readonly t: 'review'; readonly of: number; readonly approve: boolean }
  | { readonly t: 'reverse'; readonly of: number };

const amountArb = fc.oneof(
  fc.bigInt({ min: 1n, max: 499_99n }),
  fc.bigInt({ min: 500_00n, max: 4_999_99n }),
  fc.constantFrom(1_00n, 150_00n, 499_99n, 500_00n, 4_999_99n, 5_000_00n, 9_000_00n),
);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('pay' as const),
      from: fc.nat({ max: ACCOUNTS.length - 1 }),
      to: fc.nat({ max: EXTERNAL }),
      amount: amountArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('retry' as const), of: fc.nat({ max: 50 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('review' as const),
      of: fc.nat({ max: 50 }),
      approve: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), of: fc.nat({ max: 50 }) }) },
);
/** Batches run concurrently; batches one after the other. */
const scenarioArb = fc.array(fc.array(commandArb, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 10,
});

interface Sent {
  readonly key: string;
  readonly from: Account;
  readonly body: PaymentRequest;
  id?: string;
}

eachBackend('payments keep the money safe (property)', MODULE_MIGRATIONS, (ctx) => {
  let h: PaymentsHarness;
  let run = 0;

  test('setup', async () => {
    h = await paymentsHarness(ctx.database);
  });

  const entriesOf = (reference: string) => entriesWithReference(ctx.database, reference);

  async function scenario(batches: readonly (readonly Command[])[]): Promise<void> {
    run++;
    const accounts: Account[] = [];
    for (const [funds, overdraft] of ACCOUNTS) accounts.push(await h.openFunded(funds, overdraft));
    const sent: Sent[] = [];
    const reversed = new Map<string, bigint>();
    const pick = <T>(list: readonly T[], i: number): T | undefined =>
      list[list.length - 1 - (i % Math.max(1, list.length))];

    const exec = async (c: Command): Promise<void> => {
      if (c.t === 'pay') {
        const from = accounts[c.from]!;
        const to = c.to === EXTERNAL ? undefined : accounts[c.to]!;
        const base = h.request(from, to ?? from, c.amount, `R${run}-${sent.length}`);
        const body: PaymentRequest = to
          ? base
          : { ...base, creditor: { name: 'Wallet', mobile_number: '+254711222333' } };
        const s: Sent = { key: `run${run}-${sent.length}`, from, body };
        sent.push(s);
        try {
          s.id = (await h.payments.initiate(h.access(from), s.key, body)).payment.id;
        } catch (err) {
          // Paying an account to itself is refused before anything is stored.
          if (!(isAppError(err) && err.code === 'SAME_ACCOUNT')) throw err;
        }
        return;
      }
      if (c.t === 'retry') {
        const s = pick(sent, c.of);
        if (!s?.id) return;
        try {
          const again = await h.payments.initiate(h.access(s.from), s.key, s.body);
          assert.equal(again.payment.id, s.id, 'a retry answers with the first payment');
        } catch (err) {
          if (!(isAppError(err) && err.code === 'IDEMPOTENCY_KEY_IN_FLIGHT')) throw err;
        }
        return;
      }
      const ids = sent.flatMap((s) => (s.id ? [s.id] : []));
      const id = pick(ids, c.of);
      if (!id) return;
      if (c.t === 'review') {
        try {
          await h.payments.review(id, c.approve ? 'approve' : 'reject', 'prop', undefined);
        } catch (err) {
          if (!(isAppError(err) && err.code === 'PAYMENT_NOT_UNDER_REVIEW')) throw err;
        }
        return;
      }
      const payment = await h.payments.find(id);
      if (payment.status !== 'completed' || !payment.entryId) return;
      try {
        await h.bank.reverseEntry(payment.entryId);
        reversed.set(payment.id, payment.amount);
      } catch (err) {
        if (!(isAppError(err) && ['ALREADY_REVERSED', 'INSUFFICIENT_FUNDS'].includes(err.code))) throw err;
      }
    };

    for (const batch of batches) await Promise.all(batch.map(exec));

    const report = await h.bank.verifyLedger();
    assert.equal(report.ok, true, JSON.stringify(report));

    const payments = new Map<string, Payment>();
    for (const s of sent) if (s.id) payments.set(s.id, await h.payments.find(s.id));
    const expected = new Map(accounts.map((a, i) => [a.id, { current: ACCOUNTS[i]![0], held: 0n }]));
    for (const p of payments.values()) {
      const booked = await entriesOf(p.id);
      const debtor = expected.get(p.debtorAccountId)!;
      const creditor = expected.get(p.creditAccountId);
      if (p.status === 'completed') {
        assert.equal(booked, 1, `${p.id} completed: one entry`);
        const back = reversed.has(p.id) ? 0n : p.amount;
        debtor.current -= back;
        if (creditor) creditor.current += back;
      } else {
        assert.equal(booked, 0, `${p.id} ${p.status} (${p.reasonCode}) posted nothing`);
      }
      if (p.status === 'under_review') {
        debtor.held += p.amount;
        assert.equal((await h.bank.getHold(p.holdId!)).status, 'active');
      }
      if (p.status === 'rejected' && p.holdId) {
        assert.equal((await h.bank.getHold(p.holdId)).status, 'released');
      }
      if (p.amount >= 5_000_00n) assert.equal(p.status, 'rejected', 'declined by the policy');
      assert.equal(p.phase === 'done' || p.phase === 'awaiting_review', true, `${p.id} at rest`);
    }
    for (const [i, account] of accounts.entries()) {
      const balance = await h.bank.getBalance(account.id);
      const want = expected.get(account.id)!;
      assert.equal(balance.current, want.current, `current of account ${i}`);
      assert.equal(balance.held, want.held, `held on account ${i}`);
      assert.ok(balance.current - balance.held >= -ACCOUNTS[i]![1], `account ${i} within its overdraft`);
    }
  }

  test('random interleavings of payments, retries, reviews and reversals', { timeout: 240_000 }, async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, scenario), {
      numRuns: Number(process.env.FC_RUNS ?? (ctx.backend === 'sqlite' ? 15 : 10)),
      ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
    });
  });
});
