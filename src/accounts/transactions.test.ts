import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CoreBanking, createCoreBanking } from '../core-banking/index.ts';
import { type Database, openDatabase } from '../platform/index.ts';
import { BACKENDS } from '../test-support/backends.ts';
import {
  type Fintech,
  onboardFintech,
  postJson,
  sandboxCustomers,
  customerToken as sandboxToken,
} from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://ledger-sync.example/callback';

interface Tx {
  id: string;
  status: 'booked' | 'pending';
  amount: { amount: string; currency: string };
  credit_debit: 'credit' | 'debit';
  booked_at: string | null;
  value_date: string | null;
  authorised_at: string | null;
  description: string;
  counterparty: string | null;
  balance_after: { amount: string; currency: string } | null;
  reference: string;
  category: string | null;
  merchant: string | null;
}

interface SyncPage {
  added: Tx[];
  modified: Tx[];
  removed: { id: string }[];
  next_cursor: string;
  has_more: boolean;
  links: { self: string; next: string | null };
}

for (const backend of BACKENDS) {
  describe(`Transactions: statement and sync [${backend}]`, () => {
    let t: TestServer;
    let fintech: Fintech;
    let database: Database;
    /** The core, opened on the app's database from outside: what a card network would drive. */
    let bank: CoreBanking;
    let account: { id: string; currency: string };
    let settlement: string;
    let token: string;
    let n = 0;
    const ref = (what: string) => `${what}-${backend}-${++n}`;

    /** A customer token through POST /sandbox/authorize and the token endpoint. */
    const customerToken = async (scopes: string[], accountIds: string[]) =>
      (await sandboxToken(t.url, fintech, { scopes, accountIds, redirectUri: REDIRECT_URI })).token;

    const get = async <T = Record<string, unknown>>(path: string, bearer = token) => {
      const res = await fetch(path.startsWith('http') ? path : `${t.url}${path}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      return { status: res.status, body: (await res.json()) as T };
    };

    /** A consumer's copy kept by sync alone, checking the feed's promises on every page. */
    const replica = () => {
      const items = new Map<string, Tx>();
      let cursor: string | undefined;
      return {
        items,
        async catchUp(limit: number): Promise<number> {
          let pages = 0;
          let more = true;
          while (more) {
            const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
            const res = await get<SyncPage>(`/v1/accounts/${account.id}/transactions/sync?${query}`);
            assert.equal(res.status, 200, JSON.stringify(res.body));
            const page = res.body;
            for (const { id } of page.removed) {
              assert.equal(items.get(id)?.status, 'pending', `removed ${id} was not pending here`);
              items.delete(id);
            }
            for (const tx of page.added) {
              assert.ok(!items.has(tx.id), `added ${tx.id} twice`);
              items.set(tx.id, tx);
            }
            for (const tx of page.modified) {
              assert.equal(items.get(tx.id)?.status, 'pending', `modified ${tx.id} was not pending here`);
              items.set(tx.id, tx);
            }
            assert.equal(page.links.next !== null, page.has_more);
            cursor = page.next_cursor;
            more = page.has_more;
            pages++;
          }
          return pages;
        },
      };
    };

    /** Every booked transaction through links.next, newest first. */
    const walk = async (query: string, during?: (page: number) => Promise<void>) => {
      const seen: Tx[] = [];
      let next: string | null = `/v1/accounts/${account.id}/transactions?${query}`;
      for (let page = 0; next; page++) {
        const res: { status: number; body: { data: Tx[]; links: { next: string | null } } } = await get(next);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        seen.push(...res.body.data);
        next = res.body.links.next;
        await during?.(page);
      }
      return seen;
    };

    const placeHold = (amount: bigint, merchant = 'Naivas Westlands') =>
      bank.placeHold({
        reference: ref('auth'),
        accountId: account.id,
        amount,
        currency: account.currency,
        description: 'Card purchase',
        counterparty: merchant,
        category: 'groceries',
        merchant,
      });

    const capture = (holdId: string) =>
      bank.captureHold(holdId, {
        reference: ref('capture'),
        creditAccountId: settlement,
        description: 'Card purchase',
      });

    const transfer = (amount: bigint) =>
      bank.postTransfer({
        reference: ref('transfer'),
        debitAccountId: account.id,
        creditAccountId: settlement,
        amount,
        currency: account.currency,
        description: 'M-PESA transfer',
        counterparty: 'Kevin Mutua',
      });

    before(async () => {
      t = await startTestServer(backend, { WEKEZA_SEED_TRANSACTIONS: '3000' });
      fintech = await onboardFintech(t.url, {
        email: 'sync@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'accounts.read', 'transactions.read'],
      });
      const data = await sandboxCustomers(t.url);
      const wanjiku = data.find((c) => c.username === 'wanjiku')!;
      account = wanjiku.accounts.find((a) => a.type === 'current')!;
      database = openDatabase(t.config.database);
      bank = createCoreBanking(database);
      settlement = (await bank.internalAccount('settlement', account.currency)).id;
      await postJson(`${t.url}/sandbox/accounts/${account.id}/deposits`, {
        amount: { amount: '50000.00', currency: account.currency },
      });
      token = await customerToken(['accounts.read', 'transactions.read'], [account.id]);
    });
    after(async () => {
      await database?.close();
      await t?.close();
    });

    test('a transaction carries its reference, status, balance, category and — for card purchases — merchant', async () => {
      const lines = await walk('limit=500');
      assert.ok(lines.length > 20, `${lines.length} lines`);
      for (const tx of lines) {
        assert.equal(tx.status, 'booked');
        assert.ok(
          tx.reference.length > 0 && tx.booked_at && tx.value_date && tx.balance_after,
          JSON.stringify(tx),
        );
        assert.match(tx.amount.amount, /^\d+\.\d{2}$/);
      }
      const cards = lines.filter((tx) => tx.description === 'Card purchase');
      assert.ok(cards.length > 0, 'the seed has card purchases');
      for (const tx of cards) assert.equal(tx.merchant, tx.counterparty, 'the merchant is the card acceptor');
      const others = lines.filter((tx) => !/^Card (purchase|refund)$/.test(tx.description));
      assert.ok(others.length > 0 && others.every((tx) => tx.merchant === null), 'no merchant on the rest');
      assert.ok(lines.some((tx) => tx.category === 'groceries'));
    });

    test('a card authorisation is pending in sync, then booked under the same id', async () => {
      const copy = replica();
      assert.ok((await copy.catchUp(200)) >= 2, 'the first sync is paged');
      const hold = await placeHold(1_234_50n, 'Java House Adlife Plaza');
      await copy.catchUp(100);
      const pending = copy.items.get(hold.transactionId);
      assert.deepEqual(pending, {
        id: hold.transactionId,
        status: 'pending',
        amount: { amount: '1234.50', currency: account.currency },
        credit_debit: 'debit',
        booked_at: null,
        value_date: null,
        authorised_at: hold.createdAt,
        description: 'Card purchase',
        counterparty: 'Java House Adlife Plaza',
        balance_after: null,
        reference: hold.reference,
        category: 'groceries',
        merchant: 'Java House Adlife Plaza',
      });
      const statement = await get<{ data: Tx[] }>(`/v1/accounts/${account.id}/transactions?limit=5`);
      assert.ok(
        !statement.body.data.some((tx) => tx.id === hold.transactionId),
        'the statement is booked only',
      );

      const entry = await capture(hold.id);
      await copy.catchUp(100);
      const booked = copy.items.get(hold.transactionId);
      assert.equal(booked?.status, 'booked');
      assert.equal(booked?.reference, entry.reference);
      assert.equal(booked?.merchant, 'Java House Adlife Plaza');
      assert.equal(booked?.authorised_at, hold.createdAt);
      assert.ok(booked?.booked_at && booked.balance_after);
      const [first] = (await get<{ data: Tx[] }>(`/v1/accounts/${account.id}/transactions?limit=1`)).body
        .data;
      assert.deepEqual(first, booked, 'the statement shows the same transaction');
    });

    test('walking links.next returns every matching transaction exactly once, in order, while new ones post', async () => {
      const all = await bank.listTransactions(account.id, { creditDebit: 'debit' }, { limit: 500 });
      const expected = all.data.map((tx) => tx.id);
      const seen = await walk('type=debit&limit=25', async (page) => {
        // New debits and credits book between pages: newer than the walk, they must not show up in it.
        await transfer(BigInt(100 + page));
        await capture((await placeHold(50_00n)).id);
      });
      assert.ok(expected.length > 50 && expected.length < 500, `${expected.length} debits`);
      assert.deepEqual(
        seen.map((tx) => tx.id),
        expected,
        'the same lines as before the walk, newest first, none twice',
      );
      assert.ok(seen.every((tx) => tx.credit_debit === 'debit'));
    });

    test('the sync cursor misses nothing and repeats nothing across postings, holds, captures and releases', async () => {
      const copy = replica();
      const active: string[] = [];
      for (let round = 0; round < 12; round++) {
        await copy.catchUp(1 + (round % 4) * 3);
        const hold = await placeHold(BigInt(100_00 + round));
        active.push(hold.id);
        await transfer(BigInt(10_00 + round));
        if (round % 3 === 1) await capture(active.shift()!);
        if (round % 3 === 2) await bank.releaseHold(active.shift()!);
      }
      await copy.catchUp(7);
      const booked = await walk('limit=500');
      const pending = await Promise.all(active.map((id) => bank.getHold(id)));
      const truth = new Map<string, string>([
        ...booked.map((tx): [string, string] => [tx.id, `booked ${tx.amount.amount}`]),
        ...pending.map((h): [string, string] => [h.transactionId, 'pending']),
      ]);
      assert.deepEqual(
        new Map(
          [...copy.items].map(([id, tx]) => [
            id,
            tx.status === 'booked' ? `booked ${tx.amount.amount}` : 'pending',
          ]),
        ),
        truth,
      );
    });

    test('a bad sync cursor or limit is a 400 naming the parameter', async () => {
      const base = `/v1/accounts/${account.id}/transactions/sync`;
      const listCursor = (await bank.listTransactions(account.id, {}, { limit: 1 })).nextCursor!;
      for (const [query, path] of [
        ['cursor=nonsense', '/query/cursor'],
        [`cursor=${listCursor}`, '/query/cursor'],
        ['limit=501', '/querystring/limit'],
        ['limit=0', '/querystring/limit'],
        ['since=yesterday', '/querystring/since'],
      ]) {
        const res = await get<{ code: string; errors: { path: string }[] }>(`${base}?${query}`);
        assert.equal(res.status, 400, query);
        assert.ok(
          res.body.errors.some((e) => e.path === path),
          `${query}: ${JSON.stringify(res.body)}`,
        );
      }
      assert.equal((await get<{ code: string }>(`${base}?cursor=nonsense`)).body.code, 'INVALID_CURSOR');
    });

    test('sync needs transactions.read, and an account the consent covers', async () => {
      const accountsOnly = await customerToken(['accounts.read'], [account.id]);
      const noScope = await get<{ code: string }>(
        `/v1/accounts/${account.id}/transactions/sync`,
        accountsOnly,
      );
      assert.equal(noScope.status, 403);
      assert.equal(noScope.body.code, 'INSUFFICIENT_SCOPE');
      const data = await sandboxCustomers(t.url);
      const others = data.flatMap((c) => c.accounts).filter((a) => a.id !== account.id);
      for (const other of others.slice(0, 3)) {
        const res = await get<{ code: string }>(`/v1/accounts/${other.id}/transactions/sync`);
        assert.equal(res.status, 404, other.id);
        assert.equal(res.body.code, 'ACCOUNT_NOT_FOUND');
      }
    });
  });
}
