/**
 * Concurrency tests of the ledger on both backends. On PostgreSQL the fixture's pool has 10
 * connections, so the transactions below really interleave and race for the balance row locks; on
 * SQLite the driver serialises them through a mutex, and the same contracts must hold.
 */

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { beforeEach, test } from 'node:test';
import { eventsMigrations } from '../platform/events/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { type CoreBanking, coreBankingMigrations, createCoreBanking } from './index.ts';
import type { LedgerReport } from './types.ts';

const codeOf = (err: unknown) => (err as { code?: string } | null)?.code ?? String(err);

/** Splits settled promises into values and rejection codes. */
function settle<T>(results: PromiseSettledResult<T>[]): { values: T[]; codes: string[] } {
  const values: T[] = [];
  const codes: string[] = [];
  for (const r of results) {
    if (r.status === 'fulfilled') values.push(r.value);
    else codes.push(codeOf(r.reason));
  }
  return { values, codes };
}

const count = (codes: readonly string[]) =>
  codes.reduce<Record<string, number>>((acc, c) => {
    acc[c] = (acc[c] ?? 0) + 1;
    return acc;
  }, {});

eachBackend('ledger concurrency', [eventsMigrations, coreBankingMigrations], (ctx) => {
  let bank: CoreBanking;
  let settlement: string;
  let customerId: string;
  const run = randomBytes(4).toString('hex');
  let n = 0;
  const ref = (label: string) => `cc-${run}-${label}-${n++}`;

  async function account(overdraftLimit = 0n, funds = 0n): Promise<string> {
    const { id } = await bank.openAccount({
      customerId,
      type: 'current',
      currency: 'KES',
      nickname: `acct ${n}`,
      overdraftLimit,
    });
    if (funds > 0n) {
      await bank.postTransfer({
        reference: ref('fund'),
        debitAccountId: settlement,
        creditAccountId: id,
        amount: funds,
        currency: 'KES',
        description: 'Funding',
      });
    }
    return id;
  }

  // verifyLedger covers the whole database: each test answers for the problems it adds, so that one
  // failure does not fail every later test too.
  let baseline: LedgerReport | undefined;
  beforeEach(async () => {
    baseline = bank ? await bank.verifyLedger() : undefined;
  });
  async function assertLedgerOk(): Promise<void> {
    const report = await bank.verifyLedger();
    const kinds = ['unbalancedEntries', 'balanceMismatches', 'holdMismatches', 'overdrawnAccounts'] as const;
    const added = kinds.flatMap((k) =>
      report[k].filter((id) => !baseline?.[k].includes(id)).map((id) => `${k}:${id}`),
    );
    assert.deepEqual(added, [], `verifyLedger: ${JSON.stringify(report)}`);
  }

  test('setup', async () => {
    bank = createCoreBanking(ctx.database);
    customerId = (
      await bank.createCustomer({
        username: `conc-${run}`,
        password: 'pw-conc-1',
        name: 'Concurrent Customer',
        email: 'c@example.ke',
        phone: '+254700000009',
      })
    ).id;
    settlement = (await bank.internalAccount('settlement', 'KES')).id;
  });

  test('100 simultaneous debits of one account never overdraw it', { timeout: 30_000 }, async () => {
    const from = await account(0n, 1_000_00n);
    const to = await account();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        bank.postTransfer({
          reference: ref(`debit-${i}`),
          debitAccountId: from,
          creditAccountId: to,
          amount: 15_00n,
          currency: 'KES',
          description: 'Race',
        }),
      ),
    );
    const { values, codes } = settle(results);
    assert.equal(values.length, 66, `successes; failures: ${JSON.stringify(count(codes))}`);
    assert.deepEqual(count(codes), { INSUFFICIENT_FUNDS: 34 });
    const balance = await bank.getBalance(from);
    assert.equal(balance.current, 10_00n);
    assert.equal(balance.available, 10_00n);
    assert.equal((await bank.getBalance(to)).current, 990_00n);
    // No lost update: the debit postings' running balances are exactly 985.00, 970.00, … 10.00.
    const after = values
      .map((e) => e.postings.find((p) => p.accountId === from)!.balanceAfter)
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    assert.deepEqual(
      after,
      Array.from({ length: 66 }, (_, i) => 1_000_00n - 15_00n * BigInt(i + 1)),
    );
    await assertLedgerOk();
  });

  test('the same reference posted 20 times at once creates one entry and moves money once', {
    timeout: 30_000,
  }, async () => {
    // The account can afford the transfer exactly once: a retry must still answer with the entry,
    // not with INSUFFICIENT_FUNDS computed from the balance the first attempt left behind.
    const from = await account(0n, 100_00n);
    const to = await account();
    const input = {
      reference: ref('same'),
      debitAccountId: from,
      creditAccountId: to,
      amount: 60_00n,
      currency: 'KES',
      description: 'Pay once',
    };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => bank.postTransfer(input)));
    const { values, codes } = settle(results);
    assert.deepEqual(codes, [], 'every retry resolves');
    assert.equal(new Set(values.map((e) => e.id)).size, 1, 'one entry id');
    assert.equal((await bank.getBalance(from)).current, 40_00n);
    assert.equal((await bank.getBalance(to)).current, 60_00n);
    const lines = await bank.listTransactions(to);
    assert.equal(lines.data.length, 1);
    assert.equal(lines.data[0]!.entryId, values[0]!.id);
    await assertLedgerOk();
  });

  test('the same reference with two different bodies at once: one wins, the other is REFERENCE_REUSED', {
    timeout: 30_000,
  }, async () => {
    const from = await account(0n, 1_000_00n);
    const to = await account();
    const reference = ref('two-bodies');
    const body = (amount: bigint) => ({
      reference,
      debitAccountId: from,
      creditAccountId: to,
      amount,
      currency: 'KES',
      description: 'Either',
    });
    const amounts = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 10_00n : 20_00n));
    const results = await Promise.allSettled(amounts.map((a) => bank.postTransfer(body(a))));
    const winner = await bank.getBalance(to);
    assert.ok(winner.current === 10_00n || winner.current === 20_00n, `moved once: ${winner.current}`);
    results.forEach((r, i) => {
      if (amounts[i] === winner.current) {
        assert.equal(r.status, 'fulfilled', `winning body #${i}: ${r.status === 'rejected' && r.reason}`);
      } else {
        assert.equal(r.status, 'rejected', `losing body #${i}`);
        assert.equal(codeOf((r as PromiseRejectedResult).reason), 'REFERENCE_REUSED');
      }
    });
    const { values } = settle(results);
    assert.equal(new Set(values.map((e) => e.id)).size, 1);
    assert.equal((await bank.getBalance(from)).current, 1_000_00n - winner.current);
    await assertLedgerOk();
  });

  test('the same hold reference placed 20 times at once reserves the funds once', {
    timeout: 30_000,
  }, async () => {
    const acct = await account(0n, 100_00n);
    const input = {
      reference: ref('hold'),
      accountId: acct,
      amount: 70_00n,
      currency: 'KES',
      description: 'H',
    };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => bank.placeHold(input)));
    const { values, codes } = settle(results);
    assert.deepEqual(codes, [], 'every retry resolves');
    assert.equal(new Set(values.map((h) => h.id)).size, 1);
    const balance = await bank.getBalance(acct);
    assert.equal(balance.held, 70_00n);
    assert.equal(balance.available, 30_00n);
    await assertLedgerOk();
  });

  test('the same reversal requested 20 times at once reverses once', { timeout: 30_000 }, async () => {
    const acct = await account();
    const deposit = await bank.postTransfer({
      reference: ref('to-reverse'),
      debitAccountId: settlement,
      creditAccountId: acct,
      amount: 50_00n,
      currency: 'KES',
      description: 'Mistake',
    });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => bank.reverseEntry(deposit.id)));
    const { values, codes } = settle(results);
    assert.deepEqual(codes, [], 'every retry resolves');
    assert.equal(new Set(values.map((e) => e.id)).size, 1);
    assert.equal(values[0]!.reversesEntryId, deposit.id);
    assert.equal((await bank.getBalance(acct)).current, 0n);
    await assertLedgerOk();
  });

  test('identical holds captured at once under one reference: one capture, the rest REFERENCE_REUSED', {
    timeout: 30_000,
  }, async () => {
    const acct = await account(0n, 1_000_00n);
    const holds = [];
    for (let i = 0; i < 10; i++) {
      holds.push(
        await bank.placeHold({
          reference: ref('twin-h'),
          accountId: acct,
          amount: 50_00n,
          currency: 'KES',
          description: 'H',
        }),
      );
    }
    // The captures' entries would have the same fingerprint: a capture must not be answered with another
    // hold's capture (that marked the hold captured while its funds stayed held and no money moved).
    const reference = ref('twin-cap');
    const results = await Promise.allSettled(
      holds.map((h) => bank.captureHold(h.id, { reference, creditAccountId: settlement, description: 'C' })),
    );
    const { values, codes } = settle(results);
    assert.equal(values.length, 1, `one capture; failures: ${JSON.stringify(count(codes))}`);
    assert.deepEqual(count(codes), { REFERENCE_REUSED: 9 });
    const statuses = await Promise.all(holds.map(async (h) => (await bank.getHold(h.id)).status));
    assert.deepEqual(count(statuses), { captured: 1, active: 9 });
    const balance = await bank.getBalance(acct);
    assert.equal(balance.current, 950_00n);
    assert.equal(balance.held, 450_00n);
    await assertLedgerOk();
  });

  test('holds of different accounts captured at once under one reference: one wins, the rest REFERENCE_REUSED', {
    timeout: 30_000,
  }, async () => {
    // Each capture credits its own payee: no balance lock is shared, so on PostgreSQL the losers meet
    // the winner only at the unique reference.
    const holds = [];
    const payees: string[] = [];
    for (let i = 0; i < 10; i++) {
      const acct = await account(0n, 100_00n);
      payees.push(await account());
      holds.push(
        await bank.placeHold({
          reference: ref('apart-h'),
          accountId: acct,
          amount: 10_00n,
          currency: 'KES',
          description: 'H',
        }),
      );
    }
    const reference = ref('apart-cap');
    const results = await Promise.allSettled(
      holds.map((h, i) =>
        bank.captureHold(h.id, { reference, creditAccountId: payees[i]!, description: 'C' }),
      ),
    );
    const { values, codes } = settle(results);
    assert.equal(values.length, 1, `one capture; failures: ${JSON.stringify(count(codes))}`);
    assert.deepEqual(count(codes), { REFERENCE_REUSED: 9 });
    const balances = await Promise.all(holds.map((h) => bank.getBalance(h.accountId)));
    assert.deepEqual(count(balances.map((b) => `${b.current}/${b.held}`)), { '9000/0': 1, '10000/1000': 9 });
    await assertLedgerOk();
  });

  test('identical entries reversed at once under one reference: one reversal, the rest REFERENCE_REUSED', {
    timeout: 30_000,
  }, async () => {
    const acct = await account();
    const deposits = [];
    for (let i = 0; i < 10; i++) {
      deposits.push(
        await bank.postTransfer({
          reference: ref('twin-d'),
          debitAccountId: settlement,
          creditAccountId: acct,
          amount: 5_00n,
          currency: 'KES',
          description: 'Twin',
        }),
      );
    }
    const reference = ref('twin-rev');
    const results = await Promise.allSettled(deposits.map((d) => bank.reverseEntry(d.id, { reference })));
    const { values, codes } = settle(results);
    assert.equal(values.length, 1, `one reversal; failures: ${JSON.stringify(count(codes))}`);
    assert.deepEqual(count(codes), { REFERENCE_REUSED: 9 });
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    assert.equal(
      values[0]!.reversesEntryId,
      deposits[winner]!.id,
      'the reversal reverses the entry asked for',
    );
    assert.equal((await bank.getBalance(acct)).current, 45_00n);
    await assertLedgerOk();
  });

  test('holds racing with transfers and captures never take available below −overdraft', {
    timeout: 30_000,
  }, async () => {
    const overdraft = 200_00n;
    const acct = await account(overdraft, 500_00n);
    const payee = await account();
    const ops: Promise<unknown>[] = [];
    const kinds: ('hold' | 'transfer')[] = [];
    for (let i = 0; i < 30; i++) {
      kinds.push('hold');
      ops.push(
        bank.placeHold({
          reference: ref(`h-${i}`),
          accountId: acct,
          amount: 40_00n,
          currency: 'KES',
          description: 'H',
        }),
      );
      kinds.push('transfer');
      ops.push(
        bank.postTransfer({
          reference: ref(`t-${i}`),
          debitAccountId: acct,
          creditAccountId: payee,
          amount: 35_00n,
          currency: 'KES',
          description: 'T',
        }),
      );
    }
    const results = await Promise.allSettled(ops);
    const holds = results.flatMap((r, i) =>
      kinds[i] === 'hold' && r.status === 'fulfilled' ? [r.value as { id: string }] : [],
    );
    const transfers = results.filter((r, i) => kinds[i] === 'transfer' && r.status === 'fulfilled').length;
    const failures = settle(results).codes;
    assert.ok(
      failures.every((c) => c === 'INSUFFICIENT_FUNDS'),
      JSON.stringify(count(failures)),
    );
    assert.ok(holds.length + transfers > 0);
    let balance = await bank.getBalance(acct);
    assert.equal(balance.current, 500_00n - 35_00n * BigInt(transfers));
    assert.equal(balance.held, 40_00n * BigInt(holds.length));
    assert.ok(balance.available >= -overdraft, `available ${balance.available}`);
    // Everything that fit was taken: neither a 35.00 transfer nor a 40.00 hold would fit any more.
    assert.ok(balance.available - 35_00n < -overdraft, `available ${balance.available} left unused`);
    await assertLedgerOk();

    // Second round: capture half the holds, release the other half, while more transfers and holds race.
    const round: Promise<unknown>[] = [];
    holds.forEach((h, i) => {
      round.push(
        i % 2 === 0
          ? bank.captureHold(h.id, { reference: ref(`cap-${i}`), creditAccountId: payee, description: 'C' })
          : bank.releaseHold(h.id),
      );
    });
    for (let i = 0; i < 20; i++) {
      round.push(
        bank.postTransfer({
          reference: ref(`t2-${i}`),
          debitAccountId: acct,
          creditAccountId: payee,
          amount: 25_00n,
          currency: 'KES',
          description: 'T2',
        }),
        bank.placeHold({
          reference: ref(`h2-${i}`),
          accountId: acct,
          amount: 30_00n,
          currency: 'KES',
          description: 'H2',
        }),
      );
    }
    const second = settle(await Promise.allSettled(round));
    assert.ok(
      second.codes.every((c) => c === 'INSUFFICIENT_FUNDS'),
      JSON.stringify(count(second.codes)),
    );
    balance = await bank.getBalance(acct);
    assert.ok(balance.available >= -overdraft, `available ${balance.available}`);
    await assertLedgerOk();
  });

  test('opposite transfers between two (and three) accounts finish without deadlock', {
    timeout: 30_000,
  }, async () => {
    const a = await account(0n, 1_000_00n);
    const b = await account(0n, 1_000_00n);
    const c = await account(0n, 1_000_00n);
    const transfer = (from: string, to: string, amount: bigint, label: string) =>
      bank.postTransfer({
        reference: ref(label),
        debitAccountId: from,
        creditAccountId: to,
        amount,
        currency: 'KES',
        description: label,
      });
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      ops.push(transfer(a, b, 7_00n, `ab-${i}`), transfer(b, a, 5_00n, `ba-${i}`));
      if (i < 20) ops.push(transfer(b, c, 3_00n, `bc-${i}`), transfer(c, a, 2_00n, `ca-${i}`));
    }
    const { codes } = settle(await Promise.allSettled(ops));
    assert.deepEqual(codes, [], `no failures (e.g. deadlock 40P01): ${JSON.stringify(count(codes))}`);
    assert.equal((await bank.getBalance(a)).current, 1_000_00n - 40n * 7_00n + 40n * 5_00n + 20n * 2_00n);
    assert.equal((await bank.getBalance(b)).current, 1_000_00n + 40n * 7_00n - 40n * 5_00n - 20n * 3_00n);
    assert.equal((await bank.getBalance(c)).current, 1_000_00n + 20n * 3_00n - 20n * 2_00n);
    await assertLedgerOk();
  });

  test('the whole ledger verifies', async () => {
    const report = await bank.verifyLedger();
    assert.ok(report.ok, JSON.stringify(report));
  });
});
