import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { eventsMigrations } from '../platform/events/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { type CoreBanking, coreBankingMigrations, createCoreBanking } from './index.ts';
import { MAX_BALANCE_MINOR } from './ledger/post-entry.ts';

const code = (c: string) => (err: unknown) => {
  assert.equal((err as { code?: string }).code, c, `expected ${c}, got ${String(err)}`);
  return true;
};

eachBackend('ledger', [eventsMigrations, coreBankingMigrations], (ctx) => {
  let bank: CoreBanking;
  let alice: string;
  let bob: string;
  let settlement: string;
  let usd: string;

  test('setup: two customers with KES accounts and the settlement account', async () => {
    bank = createCoreBanking(ctx.database);
    const a = await bank.createCustomer({
      username: 'alice',
      password: 'pw-alice-1',
      name: 'Alice Wanjiku',
      email: 'a@example.ke',
      phone: '+254700000001',
    });
    const b = await bank.createCustomer({
      username: 'bob',
      password: 'pw-bob-1',
      name: 'Bob Otieno',
      email: 'b@example.ke',
      phone: '+254700000002',
    });
    alice = (
      await bank.openAccount({
        customerId: a.id,
        type: 'current',
        currency: 'KES',
        nickname: 'Main',
        overdraftLimit: 5_000_00n,
      })
    ).id;
    bob = (
      await bank.openAccount({ customerId: b.id, type: 'savings', currency: 'KES', nickname: 'Savings' })
    ).id;
    usd = (
      await bank.openAccount({ customerId: b.id, type: 'current', currency: 'USD', nickname: 'Dollars' })
    ).id;
    settlement = (await bank.internalAccount('settlement', 'KES')).id;
    assert.equal(
      (await bank.internalAccount('settlement', 'KES')).id,
      settlement,
      'internal account is opened once',
    );
  });

  test('a deposit from settlement credits the customer and balances the entry', async () => {
    const entry = await bank.postTransfer({
      reference: 'dep-1',
      debitAccountId: settlement,
      creditAccountId: alice,
      amount: 10_000_00n,
      currency: 'KES',
      description: 'Salary',
    });
    assert.equal(
      entry.postings.reduce((s, p) => s + p.amount, 0n),
      0n,
    );
    const balance = await bank.getBalance(alice);
    assert.equal(balance.current, 10_000_00n);
    assert.equal(balance.available, 10_000_00n);
    assert.equal((await bank.getBalance(settlement)).current, -10_000_00n);
  });

  test('posting the same reference twice returns the first entry and moves money once', async () => {
    const input = {
      reference: 'dep-1',
      debitAccountId: settlement,
      creditAccountId: alice,
      amount: 10_000_00n,
      currency: 'KES',
      description: 'Salary',
    };
    const again = await bank.postTransfer(input);
    assert.equal((await bank.getBalance(alice)).current, 10_000_00n);
    const first = await bank.getEntry(again.id);
    assert.equal(first.reference, 'dep-1');
    await assert.rejects(bank.postTransfer({ ...input, amount: 1n }), code('REFERENCE_REUSED'));
  });

  test('a debit beyond balance plus overdraft is refused and changes nothing', async () => {
    await assert.rejects(
      bank.postTransfer({
        reference: 'too-much',
        debitAccountId: alice,
        creditAccountId: bob,
        amount: 15_000_01n,
        currency: 'KES',
        description: 'x',
      }),
      code('INSUFFICIENT_FUNDS'),
    );
    assert.equal((await bank.getBalance(alice)).current, 10_000_00n);
    // within the overdraft is fine
    await bank.postTransfer({
      reference: 'into-od',
      debitAccountId: alice,
      creditAccountId: bob,
      amount: 12_000_00n,
      currency: 'KES',
      description: 'Rent',
      counterparty: 'Bob Otieno',
    });
    assert.equal((await bank.getBalance(alice)).current, -2_000_00n);
    await assert.rejects(
      bank.postTransfer({
        reference: 'no-od',
        debitAccountId: bob,
        creditAccountId: alice,
        amount: 12_000_01n,
        currency: 'KES',
        description: 'x',
      }),
      code('INSUFFICIENT_FUNDS'),
    );
  });

  test('unbalanced entries, currency mismatches, unknown accounts and same-account transfers are refused', async () => {
    await assert.rejects(
      bank.postEntry({
        reference: 'unb',
        description: 'x',
        postings: [
          { accountId: settlement, amount: -5n, currency: 'KES' },
          { accountId: alice, amount: 4n, currency: 'KES' },
        ],
      }),
      code('UNBALANCED_ENTRY'),
    );
    await assert.rejects(
      bank.postTransfer({
        reference: 'ccy',
        debitAccountId: settlement,
        creditAccountId: usd,
        amount: 5n,
        currency: 'KES',
        description: 'x',
      }),
      code('CURRENCY_MISMATCH'),
    );
    await assert.rejects(
      bank.postTransfer({
        reference: 'nf',
        debitAccountId: settlement,
        creditAccountId: 'acc_00000000000000000000000000',
        amount: 5n,
        currency: 'KES',
        description: 'x',
      }),
      code('ACCOUNT_NOT_FOUND'),
    );
    await assert.rejects(
      bank.postTransfer({
        reference: 'same',
        debitAccountId: alice,
        creditAccountId: alice,
        amount: 5n,
        currency: 'KES',
        description: 'x',
      }),
      code('SAME_ACCOUNT'),
    );
    const report = await bank.verifyLedger();
    assert.ok(report.ok, JSON.stringify(report));
  });

  test('a hold lowers available at once; release frees it; capture posts it exactly once', async () => {
    await bank.postTransfer({
      reference: 'dep-bob',
      debitAccountId: settlement,
      creditAccountId: bob,
      amount: 1_000_00n,
      currency: 'KES',
      description: 'Top up',
    });
    const before = await bank.getBalance(bob);
    const hold = await bank.placeHold({
      reference: 'h1',
      accountId: bob,
      amount: 300_00n,
      currency: 'KES',
      description: 'Payment pay_1',
    });
    assert.equal((await bank.getBalance(bob)).available, before.available - 300_00n);
    assert.equal((await bank.getBalance(bob)).current, before.current);
    assert.equal(
      (
        await bank.placeHold({
          reference: 'h1',
          accountId: bob,
          amount: 300_00n,
          currency: 'KES',
          description: 'Payment pay_1',
        })
      ).id,
      hold.id,
    );
    await assert.rejects(
      bank.placeHold({
        reference: 'h-big',
        accountId: bob,
        amount: before.available,
        currency: 'KES',
        description: 'x',
      }),
      code('INSUFFICIENT_FUNDS'),
    );
    const released = await bank.releaseHold(hold.id);
    assert.equal(released.status, 'released');
    assert.equal((await bank.getBalance(bob)).available, before.available);
    await assert.rejects(
      bank.captureHold(hold.id, { reference: 'cap-x', creditAccountId: settlement, description: 'x' }),
      code('HOLD_NOT_ACTIVE'),
    );

    const h2 = await bank.placeHold({
      reference: 'h2',
      accountId: bob,
      amount: 200_00n,
      currency: 'KES',
      description: 'Payment pay_2',
    });
    const captured = await bank.captureHold(h2.id, {
      reference: 'cap-2',
      creditAccountId: settlement,
      description: 'Payment pay_2',
    });
    const again = await bank.captureHold(h2.id, {
      reference: 'cap-2',
      creditAccountId: settlement,
      description: 'Payment pay_2',
    });
    assert.equal(again.id, captured.id);
    const after = await bank.getBalance(bob);
    assert.equal(after.current, before.current - 200_00n);
    assert.equal(after.held, 0n);
    await assert.rejects(bank.releaseHold(h2.id), code('HOLD_NOT_ACTIVE'));
    assert.ok((await bank.verifyLedger()).ok);
  });

  test('a reversal negates every posting, and an entry is reversed at most once', async () => {
    const entry = await bank.postTransfer({
      reference: 'to-reverse',
      debitAccountId: settlement,
      creditAccountId: bob,
      amount: 50_00n,
      currency: 'KES',
      description: 'Mistake',
    });
    const before = await bank.getBalance(bob);
    const reversal = await bank.reverseEntry(entry.id);
    assert.equal(reversal.reversesEntryId, entry.id);
    assert.equal((await bank.getBalance(bob)).current, before.current - 50_00n);
    assert.equal(
      (await bank.reverseEntry(entry.id)).id,
      reversal.id,
      'the same reversal request is idempotent',
    );
    await assert.rejects(bank.reverseEntry(entry.id, { reference: 'other-ref' }), code('ALREADY_REVERSED'));
    await assert.rejects(bank.reverseEntry(reversal.id), code('NOT_REVERSIBLE'));
    assert.ok((await bank.verifyLedger()).ok);
  });

  test('the journal is append-only: updates and deletes are refused by the database', async () => {
    const db = ctx.database.schema<{ entries: { description: string }; postings: { amount: number } }>(
      'core_banking',
    );
    await assert.rejects(db.updateTable('entries').set({ description: 'tampered' }).execute(), /append-only/);
    await assert.rejects(db.deleteFrom('postings').execute(), /append-only/);
    const count = await db
      .selectFrom('postings')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(count.n) > 0);
  });

  test('statements filter by direction, amount, text and date and page with a keyset cursor', async () => {
    const credits = await bank.listTransactions(alice, { creditDebit: 'credit' });
    assert.ok(credits.data.length > 0 && credits.data.every((t) => t.amount > 0n));
    const debits = await bank.listTransactions(alice, { creditDebit: 'debit' });
    assert.ok(debits.data.every((t) => t.amount < 0n));
    const rent = await bank.listTransactions(alice, { text: 'RENT' });
    assert.deepEqual(
      rent.data.map((t) => t.description),
      ['Rent'],
    );
    const big = await bank.listTransactions(alice, { minAmount: 11_000_00n, maxAmount: 12_000_00n });
    assert.deepEqual(
      big.data.map((t) => t.amount),
      [-12_000_00n],
    );
    const future = await bank.listTransactions(alice, { bookedFrom: '2999-01-01' });
    assert.equal(future.data.length, 0);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal((await bank.listTransactions(alice, { bookedFrom: today, bookedTo: today })).data.length, 2);

    for (let i = 0; i < 7; i++) {
      await bank
        .postTransfer({
          reference: `page-${i}`,
          debitAccountId: settlement,
          creditAccountId: usd,
          amount: BigInt(i + 1),
          currency: 'USD',
          description: `Item ${i}`,
        })
        .catch(() => undefined);
    }
    const usdSettlement = (await bank.internalAccount('settlement', 'USD')).id;
    for (let i = 0; i < 7; i++) {
      await bank.postTransfer({
        reference: `upage-${i}`,
        debitAccountId: usdSettlement,
        creditAccountId: usd,
        amount: BigInt(i + 1),
        currency: 'USD',
        description: `Item ${i}`,
      });
    }
    const seen: { id: string; amount: bigint }[] = [];
    let cursor: string | undefined;
    do {
      const page = await bank.listTransactions(usd, {}, { limit: 3, cursor });
      seen.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(new Set(seen.map((t) => t.id)).size, 7);
    assert.deepEqual(
      seen.map((t) => t.amount),
      [7n, 6n, 5n, 4n, 3n, 2n, 1n],
      'newest first without gaps or repeats',
    );
    await assert.rejects(bank.listTransactions(usd, {}, { cursor: 'garbage' }), code('INVALID_CURSOR'));
  });

  test('a statement lists postings in the order they were applied, even within one millisecond', async () => {
    const frozen = new Date('2026-01-15T09:30:00.000Z');
    const stopped = createCoreBanking(ctx.database, { now: () => frozen });
    const settlementKes = (await stopped.internalAccount('settlement', 'KES')).id;
    const before = (await stopped.getBalance(bob)).current;
    for (let i = 1; i <= 12; i++) {
      await stopped.postTransfer({
        reference: `same-ms-${i}`,
        debitAccountId: settlementKes,
        creditAccountId: bob,
        amount: BigInt(i),
        currency: 'KES',
        description: `Same millisecond ${i}`,
      });
    }
    const page = await stopped.listTransactions(bob, { text: 'same millisecond' }, { limit: 100 });
    assert.deepEqual(
      page.data.map((t) => t.amount),
      Array.from({ length: 12 }, (_, i) => BigInt(12 - i)),
    );
    let running = before;
    for (const t of [...page.data].reverse()) {
      running += t.amount;
      assert.equal(t.balanceAfter, running, 'balance_after is the running balance');
    }
    assert.ok((await stopped.verifyLedger()).ok);
  });

  test('customers authenticate with their password only', async () => {
    assert.equal((await bank.authenticateCustomer('alice', 'pw-alice-1'))?.username, 'alice');
    assert.equal(await bank.authenticateCustomer('alice', 'wrong'), null);
    assert.equal(await bank.authenticateCustomer('nobody', 'pw-alice-1'), null);
  });
  test('no posting takes a balance past the ledger’s limit: refused, nothing changed', async () => {
    const b = await bank.getAccount(bob);
    const near = (
      await bank.openAccount({
        customerId: b.customerId!,
        type: 'current',
        currency: 'KES',
        nickname: 'Near the limit',
      })
    ).id;
    const balances = ctx.database.schema<{ balances: { account_id: string; current: bigint } }>(
      'core_banking',
    );
    // Stands for a long history of deposits (set directly: thousands of the largest postings).
    const start = MAX_BALANCE_MINOR - 50n;
    await balances.updateTable('balances').set({ current: start }).where('account_id', '=', near).execute();
    try {
      await assert.rejects(
        bank.postTransfer({
          reference: 'past-the-limit',
          debitAccountId: settlement,
          creditAccountId: near,
          amount: 100n,
          currency: 'KES',
          description: 'Deposit',
        }),
        (err: { code?: string }) => err.code === 'BALANCE_LIMIT',
      );
      assert.equal((await bank.getBalance(near)).current, start);
    } finally {
      await balances.updateTable('balances').set({ current: 0n }).where('account_id', '=', near).execute();
    }
  });
});
