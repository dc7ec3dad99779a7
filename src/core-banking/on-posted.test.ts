import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsMigrations } from '../platform/events/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { type CoreBanking, coreBankingMigrations, createCoreBanking } from './index.ts';
import type { Balance } from './types.ts';

eachBackend('onPosted', [eventsMigrations, coreBankingMigrations], (ctx) => {
  /** Each call: the ids, and the balances read the moment the hook ran (from another connection on PostgreSQL). */
  const calls: { ids: readonly string[]; balances: Promise<Balance[]> }[] = [];
  let bank: CoreBanking;
  let alice: string;
  let bob: string;
  let settlement: string;

  const take = async () => {
    const taken = calls.splice(0);
    return Promise.all(taken.map(async (c) => ({ ids: [...c.ids].sort(), balances: await c.balances })));
  };

  test('setup: a bank whose hook records every call', async () => {
    bank = createCoreBanking(ctx.database, {
      onPosted: (ids) => {
        calls.push({ ids, balances: Promise.all(ids.map((id) => bank.getBalance(id))) });
      },
    });
    const customer = await bank.createCustomer({
      username: 'hooked',
      password: 'hooked-password-1',
      name: 'Hooked',
      email: 'hooked@example.co.ke',
      phone: '+254700000021',
    });
    const open = (nickname: string) =>
      bank.openAccount({ customerId: customer.id, type: 'current', currency: 'KES', nickname });
    alice = (await open('A')).id;
    bob = (await open('B')).id;
    settlement = (await bank.internalAccount('settlement', 'KES')).id;
    assert.deepEqual(calls, [], 'opening accounts changes no balance');
  });

  test('it is called after the commit of every balance change, with the accounts touched', async () => {
    await bank.postTransfer({
      reference: 'hook-deposit',
      debitAccountId: settlement,
      creditAccountId: alice,
      amount: 1_000_00n,
      currency: 'KES',
      description: 'Deposit',
    });
    let [call] = await take();
    assert.deepEqual(call?.ids, [alice, settlement].sort());
    assert.equal(call?.balances.find((b) => b.accountId === alice)?.current, 1_000_00n, 'already committed');

    const split = await bank.postEntry({
      reference: 'hook-entry',
      description: 'Split',
      postings: [
        { accountId: alice, amount: -300_00n, currency: 'KES' },
        { accountId: bob, amount: 200_00n, currency: 'KES' },
        { accountId: settlement, amount: 100_00n, currency: 'KES' },
      ],
    });
    [call] = await take();
    assert.deepEqual(call?.ids, [alice, bob, settlement].sort());
    assert.equal(call?.balances.find((b) => b.accountId === bob)?.current, 200_00n);

    const hold = await bank.placeHold({
      reference: 'hook-hold',
      accountId: alice,
      amount: 50_00n,
      currency: 'KES',
      description: 'Card',
    });
    [call] = await take();
    assert.deepEqual(call?.ids, [alice]);
    assert.equal(call?.balances[0]?.held, 50_00n);

    await bank.captureHold(hold.id, {
      reference: 'hook-capture',
      creditAccountId: settlement,
      description: 'Card',
    });
    [call] = await take();
    assert.deepEqual(call?.ids, [alice, settlement].sort());
    assert.deepEqual(
      [
        call?.balances.find((b) => b.accountId === alice)?.held,
        call?.balances.find((b) => b.accountId === alice)?.current,
      ],
      [0n, 650_00n],
    );

    const second = await bank.placeHold({
      reference: 'hook-hold-2',
      accountId: alice,
      amount: 10_00n,
      currency: 'KES',
      description: 'Card',
    });
    await bank.releaseHold(second.id);
    const [placed, released] = await take();
    assert.deepEqual([placed?.ids, released?.ids], [[alice], [alice]]);
    assert.equal(released?.balances[0]?.held, 0n);

    await bank.reverseEntry(split.id);
    [call] = await take();
    assert.deepEqual(call?.ids, [alice, bob, settlement].sort());
    assert.equal(call?.balances.find((b) => b.accountId === alice)?.current, 950_00n, 'reversed');
  });

  test('the balance version grows with every posting and hold change', async () => {
    const versions = [(await bank.getBalance(alice)).version];
    const hold = await bank.placeHold({
      reference: 'hook-version',
      accountId: alice,
      amount: 1_00n,
      currency: 'KES',
      description: 'Card',
    });
    versions.push((await bank.getBalance(alice)).version);
    await bank.captureHold(hold.id, {
      reference: 'hook-version-capture',
      creditAccountId: bob,
      description: 'x',
    });
    versions.push((await bank.getBalance(alice)).version);
    await bank.postTransfer({
      reference: 'hook-version-transfer',
      debitAccountId: bob,
      creditAccountId: alice,
      amount: 1_00n,
      currency: 'KES',
      description: 'Back',
    });
    versions.push((await bank.getBalance(alice)).version);
    assert.deepEqual(
      versions.map((v) => v - versions[0]!),
      [0, 1, 3, 4],
    );
    await take();
  });

  test('a batch calls it once, with the touched accounts as it committed them (read with the commit)', async () => {
    const seen: { ids: string[]; fresh: readonly { account: { id: string }; balance: Balance }[] }[] = [];
    const batchBank = createCoreBanking(ctx.database, {
      onPosted: (ids, fresh) => {
        seen.push({ ids: [...ids].sort(), fresh: fresh ?? [] });
      },
    });
    const capture = (n: number) => ({
      holdReference: `hook-batch-${n}`,
      reference: `hook-batch-${n}-capture`,
      creditAccountId: n === 1 ? bob : settlement,
      amount: 2_00n,
      description: 'Batch',
      counterparty: null,
      category: null,
    });
    const results = await batchBank.settleBatch(
      [1, 2].map((n) => ({ debitAccountId: alice, currency: 'KES', captures: [capture(n)] })),
      {
        claim: (all) => ({
          statement: ctx.database.db.selectNoFrom((eb) => eb.lit(1).as('one')),
          claimed: () => new Set(all),
        }),
        release: async () => {},
        record: async () => {},
      },
    );
    assert.ok(results.every((r) => 'settled' in r));
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0]!.ids, [alice, bob, settlement].sort());
    assert.deepEqual(seen[0]!.fresh.map((f) => f.account.id).sort(), seen[0]!.ids);
    const now = await batchBank.getAccountsWithBalances(seen[0]!.ids);
    for (const state of seen[0]!.fresh) {
      assert.deepEqual(
        state,
        now.find((n) => n.account.id === state.account.id),
        'what a read after the commit gives',
      );
    }
    assert.equal(seen[0]!.fresh.find((f) => f.account.id === alice)?.balance.current, 946_00n);
  });

  test('a refused write does not call it', async () => {
    await assert.rejects(
      bank.postTransfer({
        reference: 'hook-too-much',
        debitAccountId: bob,
        creditAccountId: alice,
        amount: 1_000_000_00n,
        currency: 'KES',
        description: 'Too much',
      }),
    );
    assert.deepEqual(calls, []);
  });
});
