import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsMigrations } from '../platform/events/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { createLedgerContext } from './context.ts';
import { type CoreBanking, coreBankingMigrations, createCoreBanking } from './index.ts';
import type { Transaction, TransactionChanges, TransactionWindow } from './types.ts';

const code = (c: string) => (err: unknown) => {
  assert.equal((err as { code?: string }).code, c, `expected ${c}, got ${String(err)}`);
  return true;
};

/** A deterministic PRNG (mulberry32), so a failing interleaving can be replayed. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A consumer's copy of an account, kept by sync alone. It checks the feed's promises as it applies
 * each page: nothing is added twice, only what it holds as pending is modified (to booked) or removed.
 */
function replica(bank: CoreBanking, accountId: string, window: TransactionWindow = {}) {
  const items = new Map<string, Transaction>();
  let cursor: string | undefined;
  const apply = (page: TransactionChanges) => {
    for (const id of page.removed) {
      assert.equal(items.get(id)?.status, 'pending', `removed ${id} was not held as pending`);
      items.delete(id);
    }
    for (const t of page.added) {
      assert.ok(!items.has(t.id), `added ${t.id} twice`);
      items.set(t.id, t);
    }
    for (const t of page.modified) {
      assert.equal(items.get(t.id)?.status, 'pending', `modified ${t.id} was not held as pending`);
      assert.equal(t.status, 'booked');
      items.set(t.id, t);
    }
    cursor = page.nextCursor;
  };
  return {
    items,
    get cursor() {
      return cursor;
    },
    /** One page; returns whether there is more. */
    async step(limit: number): Promise<boolean> {
      const page = await bank.syncTransactions(accountId, window, { limit, ...(cursor ? { cursor } : {}) });
      assert.ok(page.added.length + page.modified.length + page.removed.length <= limit);
      apply(page);
      return page.hasMore;
    },
    async catchUp(limit = 100): Promise<void> {
      while (await this.step(limit));
    },
  };
}

eachBackend('transaction sync', [eventsMigrations, coreBankingMigrations], (ctx) => {
  let bank: CoreBanking;
  let account: string;
  let other: string;
  let settlement: string;
  let n = 0;
  const ref = (what: string) => `${what}-${++n}`;

  /** Every booked line of the account and every active hold, as the truth a replica must equal. */
  async function truth(accountId: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await bank.listTransactions(accountId, {}, { limit: 500, ...(cursor ? { cursor } : {}) });
      for (const t of page.data) out.set(t.id, `booked ${t.amount}`);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const holds = await createLedgerContext(ctx.database)
      .db.selectFrom('holds')
      .select(['transaction_id', 'amount'])
      .where('account_id', '=', accountId)
      .where('status', '=', 'active')
      .execute();
    for (const h of holds) out.set(h.transaction_id, `pending -${h.amount}`);
    return out;
  }

  const summary = (items: Map<string, Transaction>) =>
    new Map([...items].map(([id, t]) => [id, `${t.status} ${t.amount}`]));

  const deposit = (accountId: string, amount: bigint) =>
    bank.postTransfer({
      reference: ref('dep'),
      debitAccountId: settlement,
      creditAccountId: accountId,
      amount,
      currency: 'KES',
      description: 'Deposit',
    });

  test('setup: two customer accounts with money', async () => {
    bank = createCoreBanking(ctx.database);
    const customer = await bank.createCustomer({
      username: 'sync',
      password: 'sync-password-1',
      name: 'Sync Customer',
      email: 'sync@example.co.ke',
      phone: '+254700000011',
    });
    const open = (nickname: string) =>
      bank.openAccount({ customerId: customer.id, type: 'current', currency: 'KES', nickname });
    account = (await open('Main')).id;
    other = (await open('Other')).id;
    settlement = (await bank.internalAccount('settlement', 'KES')).id;
    await deposit(account, 100_000_00n);
    await deposit(other, 100_000_00n);
  });

  test('a card authorisation is pending with its merchant, then booked under the same id', async () => {
    const copy = replica(bank, account);
    await copy.catchUp();
    const hold = await bank.placeHold({
      reference: ref('auth'),
      accountId: account,
      amount: 1_250_00n,
      currency: 'KES',
      description: 'Card purchase',
      counterparty: 'Java House Adlife Plaza',
      category: 'dining',
      merchant: 'Java House Adlife Plaza',
    });
    const pending = await bank.syncTransactions(account, {}, {});
    const seen = pending.added.find((t) => t.id === hold.transactionId);
    assert.ok(seen, 'the first sync holds the pending transaction');
    assert.deepEqual(
      { ...seen, authorisedAt: undefined },
      {
        id: hold.transactionId,
        status: 'pending',
        holdId: hold.id,
        accountId: account,
        amount: -1_250_00n,
        currency: 'KES',
        creditDebit: 'debit',
        reference: hold.reference,
        description: 'Card purchase',
        counterparty: 'Java House Adlife Plaza',
        category: 'dining',
        merchant: 'Java House Adlife Plaza',
        authorisedAt: undefined,
      },
    );
    assert.equal(seen.authorisedAt, hold.createdAt);
    await copy.catchUp();
    assert.equal(copy.items.get(hold.transactionId)?.status, 'pending');
    const cursor = copy.cursor!;

    const entry = await bank.captureHold(hold.id, {
      reference: ref('capture'),
      creditAccountId: settlement,
      description: 'Card purchase',
    });
    const line = entry.postings.find((p) => p.accountId === account);
    assert.equal(line?.id, hold.transactionId, "the capture's posting keeps the transaction id");
    const changes = await bank.syncTransactions(account, {}, { limit: 10, cursor });
    assert.equal(changes.added.length, 0);
    const booked = changes.modified.find((t) => t.id === hold.transactionId);
    assert.ok(
      booked && booked.status === 'booked',
      JSON.stringify(changes, (_, v) => String(v)),
    );
    assert.equal(booked.reference, entry.reference);
    assert.equal(booked.merchant, 'Java House Adlife Plaza', 'the capture inherits the merchant');
    assert.equal(booked.category, 'dining');
    assert.equal(booked.authorisedAt, hold.createdAt);
    assert.equal(booked.balanceAfter, (await bank.getBalance(account)).current);
    await copy.catchUp();
    assert.equal(copy.items.get(hold.transactionId)?.status, 'booked');
    const [first] = (await bank.listTransactions(account, {}, { limit: 1 })).data;
    assert.equal(first?.id, hold.transactionId, 'the statement lists it under the same id');
    assert.equal(first?.merchant, 'Java House Adlife Plaza');
  });

  test('a released authorisation is removed; one placed and released between two syncs is never mentioned', async () => {
    const copy = replica(bank, account);
    await copy.catchUp();
    const seen = await bank.placeHold({
      reference: ref('auth'),
      accountId: account,
      amount: 500_00n,
      currency: 'KES',
      description: 'Fuel',
    });
    await copy.catchUp();
    await bank.releaseHold(seen.id);
    const unseen = await bank.placeHold({
      reference: ref('auth'),
      accountId: account,
      amount: 700_00n,
      currency: 'KES',
      description: 'Hotel',
    });
    await bank.releaseHold(unseen.id);
    const changes = await bank.syncTransactions(account, {}, { cursor: copy.cursor! });
    assert.deepEqual(changes.removed, [seen.transactionId]);
    assert.deepEqual([...changes.added, ...changes.modified], []);
    assert.equal(changes.hasMore, false);
  });

  test('the first sync pages through the whole account once, oldest first', async () => {
    for (let i = 0; i < 25; i++) await deposit(account, BigInt(i + 1));
    const copy = replica(bank, account);
    let pages = 0;
    const order: string[] = [];
    let cursor: string | undefined;
    let more = true;
    while (more) {
      const page = await bank.syncTransactions(account, {}, { limit: 7, ...(cursor ? { cursor } : {}) });
      for (const t of page.added) if (t.status === 'booked') order.push(t.bookedAt);
      cursor = page.nextCursor;
      more = page.hasMore;
      pages++;
    }
    assert.ok(pages >= 5, `${pages} pages`);
    assert.deepEqual([...order].sort(), order, 'booking order, oldest first');
    await copy.catchUp(7);
    assert.deepEqual(summary(copy.items), await truth(account));
  });

  test('the cursor misses nothing and repeats nothing while postings, holds, captures and releases interleave', {
    timeout: 120_000,
  }, async () => {
    const random = prng(20260701);
    const copies = [replica(bank, account), replica(bank, other)];
    await Promise.all(copies.map((c) => c.step(3)));
    const active: { id: string; accountId: string }[] = [];
    const reversible: string[] = [];
    let writing = true;

    const write = async (i: number) => {
      const pick = random();
      const accountId = random() < 0.7 ? account : other;
      if (pick < 0.2) {
        reversible.push((await deposit(accountId, BigInt(1 + Math.floor(random() * 50_000)))).id);
      } else if (pick < 0.35) {
        await bank.postTransfer({
          reference: ref('between'),
          debitAccountId: accountId,
          creditAccountId: accountId === account ? other : account,
          amount: BigInt(1 + Math.floor(random() * 20_000)),
          currency: 'KES',
          description: `Transfer ${i}`,
        });
      } else if (pick < 0.6) {
        const hold = await bank.placeHold({
          reference: ref('auth'),
          accountId,
          amount: BigInt(1 + Math.floor(random() * 30_000)),
          currency: 'KES',
          description: `Card purchase ${i}`,
          merchant: `Merchant ${i % 7}`,
        });
        active.push({ id: hold.id, accountId });
      } else if (pick < 0.9 && active.length > 0) {
        const [hold] = active.splice(Math.floor(random() * active.length), 1);
        if (random() < 0.6) {
          await bank.captureHold(hold!.id, {
            reference: ref('capture'),
            creditAccountId: settlement,
            description: `Captured ${i}`,
          });
        } else {
          await bank.releaseHold(hold!.id);
        }
      } else if (reversible.length > 0) {
        await bank.reverseEntry(reversible.splice(Math.floor(random() * reversible.length), 1)[0]!);
      }
    };
    const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));
    // Two writers at once: on PostgreSQL their transactions overlap and commit in either order.
    let next = 0;
    const writers = Promise.all(
      [0, 1].map(async () => {
        while (next < 300) {
          await write(next++);
          await yieldTurn();
        }
      }),
    ).finally(() => {
      writing = false;
    });
    // The readers sync while the writer writes: small pages, so cursors land mid-stream often.
    const readers = copies.map(async (copy, k) => {
      const size = prng(k + 1);
      while (writing) {
        await copy.step(1 + Math.floor(size() * 6));
        await yieldTurn();
      }
    });
    await Promise.all([writers, ...readers]);
    for (const copy of copies) await copy.catchUp(5);
    assert.deepEqual(summary(copies[0]!.items), await truth(account));
    assert.deepEqual(summary(copies[1]!.items), await truth(other));
    assert.ok((await bank.verifyLedger()).ok);
  });

  test('the window bounds the feed; a capture booked after it removes its authorisation', async () => {
    let now = new Date('2026-02-10T12:00:00.000Z');
    const clocked = createCoreBanking(ctx.database, { now: () => now });
    const window = { bookedFrom: '2026-02-10', bookedTo: '2026-02-10' };
    const copy = replica(clocked, account, window);
    await copy.catchUp();
    assert.equal(copy.items.size, 0, 'nothing was booked on that day yet');
    const inside = await clocked.placeHold({
      reference: ref('auth'),
      accountId: account,
      amount: 10_00n,
      currency: 'KES',
      description: 'Late dinner',
    });
    await copy.catchUp();
    assert.deepEqual([...copy.items.keys()], [inside.transactionId]);
    now = new Date('2026-02-11T08:00:00.000Z');
    await clocked.captureHold(inside.id, {
      reference: ref('capture'),
      creditAccountId: settlement,
      description: 'Late dinner',
    });
    await clocked.placeHold({
      reference: ref('auth'),
      accountId: account,
      amount: 10_00n,
      currency: 'KES',
      description: 'Next day',
    });
    const changes = await clocked.syncTransactions(account, window, {});
    assert.deepEqual(changes.added, []);
    assert.deepEqual(changes.removed, []);
    await copy.catchUp();
    assert.equal(copy.items.size, 0, 'booked outside the window: the pending line is removed');
  });

  test('a cursor of another account or window, or no cursor at all, is INVALID_CURSOR', async () => {
    const { nextCursor } = await bank.syncTransactions(account, {}, { limit: 1 });
    await bank.syncTransactions(account, {}, { cursor: nextCursor });
    await assert.rejects(bank.syncTransactions(other, {}, { cursor: nextCursor }), code('INVALID_CURSOR'));
    await assert.rejects(
      bank.syncTransactions(account, { bookedFrom: '2026-01-01' }, { cursor: nextCursor }),
      code('INVALID_CURSOR'),
    );
    for (const cursor of ['nonsense', Buffer.from('y1.1.1.abc').toString('base64url'), nextCursor.slice(2)]) {
      await assert.rejects(bank.syncTransactions(account, {}, { cursor }), code('INVALID_CURSOR'));
    }
    const listCursor = (await bank.listTransactions(account, {}, { limit: 1 })).nextCursor!;
    await assert.rejects(bank.syncTransactions(account, {}, { cursor: listCursor }), code('INVALID_CURSOR'));
  });
});
