import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { eventsMigrations } from '../../platform/events/index.ts';
import { type Database, migrateAll, minorFromDb, openDatabase } from '../../platform/index.ts';
import { createTestDatabase, eachBackend } from '../../test-support/backends.ts';
import type { LedgerContext } from '../context.ts';
import { type CoreBanking, coreBankingMigrations, createCoreBanking } from '../index.ts';
import type { CoreBankingTables } from '../tables.ts';
import { historySpan } from './calendar.ts';
import { MAIN_ACCOUNT_FLOOR } from './history.ts';
import { isSeeded, SANDBOX_CUSTOMERS, type SeedResult, seedSandbox } from './index.ts';
import { chunkSizes } from './writer.ts';

const AS_OF = '2026-06-30';
const TRANSACTIONS = 3_000;
const RFC3339_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const ledgerContext = (database: Database): LedgerContext => ({
  database,
  db: database.schema<CoreBankingTables>('core_banking'),
  now: () => new Date(),
});

eachBackend('sandbox seed', [eventsMigrations, coreBankingMigrations], (ctx) => {
  let lc: LedgerContext;
  let bank: CoreBanking;
  let result: SeedResult;
  const progress: [number, number][] = [];

  test('seeds the customers, their accounts and the asked number of transactions', async () => {
    lc = ledgerContext(ctx.database);
    bank = createCoreBanking(ctx.database);
    assert.equal(await isSeeded(lc), false);
    result = await seedSandbox(lc, {
      transactions: TRANSACTIONS,
      asOf: AS_OF,
      batchSize: 700,
      onProgress: (done, total) => progress.push([done, total]),
    });
    assert.ok(result.customers >= 5, `customers: ${result.customers}`);
    assert.ok(result.accounts >= 12, `accounts: ${result.accounts}`);
    assert.equal(result.entries, TRANSACTIONS);
    assert.ok(result.postings >= 2 * result.entries);
    assert.equal(await isSeeded(lc), true);
    assert.deepEqual(progress.at(-1), [TRANSACTIONS, TRANSACTIONS]);
    assert.ok(progress.length >= 5, 'progress after every batch');
    const counts = await lc.db
      .selectFrom('entries')
      .select(sql<number>`count(*)`.as('n'))
      .where('kind', '=', 'seed')
      .executeTakeFirstOrThrow();
    assert.equal(Number(counts.n), TRANSACTIONS);
  });

  test('accounts are current and savings, in KES and USD, some with an overdraft', async () => {
    const accounts = await lc.db.selectFrom('accounts').selectAll().where('kind', '=', 'customer').execute();
    assert.equal(accounts.length, result.accounts);
    const kinds = new Set(accounts.map((a) => `${a.type}/${a.currency}`));
    for (const kind of ['current/KES', 'savings/KES', 'current/USD', 'savings/USD'])
      assert.ok(kinds.has(kind), kind);
    assert.ok(accounts.some((a) => a.type === 'current' && minorFromDb(a.overdraft_limit) > 0n));
    for (const a of accounts)
      assert.ok(a.opened_on < '2024-07-01', `opened before the history: ${a.opened_on}`);
    const internal = await lc.db
      .selectFrom('accounts')
      .select('account_number')
      .where('kind', '=', 'internal')
      .execute();
    for (const type of ['SETTLEMENT', 'FEES', 'INTEREST', 'CLEARING']) {
      for (const currency of ['KES', 'USD'])
        assert.ok(internal.some((a) => a.account_number === `GL-${type}-${currency}`));
    }
  });

  test('the history spans the two years ending at asOf, with valid timestamps', async () => {
    const span = await lc.db
      .selectFrom('entries')
      .select([sql<string>`min(booked_at)`.as('first'), sql<string>`max(booked_at)`.as('last')])
      .executeTakeFirstOrThrow();
    const first = new Date(span.first).toISOString();
    const last = new Date(span.last).toISOString();
    assert.ok(first >= '2024-07-01T00:00:00.000Z' && first < '2024-07-03', `first ${first}`);
    assert.ok(last.startsWith(AS_OF), `last ${last}`);
    const sample = await lc.db
      .selectFrom('postings')
      .select(['booked_at', 'value_date'])
      .limit(500)
      .execute();
    for (const p of sample) {
      assert.match(p.booked_at, RFC3339_MS);
      assert.match(p.value_date, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(p.value_date, p.booked_at.slice(0, 10));
    }
    const months = await lc.db
      .selectFrom('entries')
      .select(sql<string>`substr(cast(value_date as text), 1, 7)`.as('month'))
      .distinct()
      .execute();
    assert.equal(months.length, 24, 'every month of the two years has entries');
  });

  test('entries are seed entries with unique references and fingerprints', async () => {
    const entries = await lc.db.selectFrom('entries').select(['reference', 'fingerprint', 'kind']).execute();
    assert.equal(new Set(entries.map((e) => e.reference)).size, entries.length);
    for (const e of entries) {
      assert.equal(e.kind, 'seed');
      assert.match(e.reference, /^seed:2026:\d+$/);
      assert.match(e.fingerprint, /^[\w-]{43}$/);
    }
  });

  test('the ledger verifies: balanced entries, balances equal postings, nothing held or overdrawn', async () => {
    const report = await bank.verifyLedger();
    assert.equal(report.ok, true, JSON.stringify(report));
    assert.equal(report.entries, TRANSACTIONS);
    assert.equal(report.postings, result.postings);
    const held = await lc.db.selectFrom('balances').select('held').execute();
    for (const b of held) assert.equal(minorFromDb(b.held), 0n);
  });

  test('every balance_after is the running balance and no customer account is ever overdrawn', async () => {
    const accounts = await lc.db
      .selectFrom('accounts as a')
      .innerJoin('balances as b', 'b.account_id', 'a.id')
      .select(['a.id', 'a.kind', 'a.overdraft_limit', 'b.current'])
      .execute();
    let checked = 0;
    for (const account of accounts) {
      const postings = await lc.db
        .selectFrom('postings')
        .select(['amount', 'balance_after'])
        .where('account_id', '=', account.id)
        .orderBy('booked_at')
        .orderBy('id')
        .execute();
      const floor = -minorFromDb(account.overdraft_limit);
      let running = 0n;
      for (const p of postings) {
        running += minorFromDb(p.amount);
        assert.equal(minorFromDb(p.balance_after), running, `running balance of ${account.id}`);
        if (account.kind === 'customer') assert.ok(running >= floor, `${account.id} overdrawn: ${running}`);
        checked++;
      }
      assert.equal(minorFromDb(account.current), running, `final balance of ${account.id}`);
    }
    assert.equal(checked, result.postings);
  });

  test('the data looks like Kenyan banking: categories, merchants, employers, M-PESA', async () => {
    const categories = new Set(
      (await lc.db.selectFrom('entries').select('category').distinct().execute()).map((r) => r.category),
    );
    for (const c of [
      'income',
      'transfer',
      'utilities',
      'groceries',
      'dining',
      'transport',
      'shopping',
      'fees',
      'interest',
    ])
      assert.ok(categories.has(c), `category ${c}`);
    const has = async (column: 'counterparty' | 'description', pattern: string) => {
      const row = await lc.db
        .selectFrom('entries')
        .select('id')
        .where(column, 'like', pattern)
        .limit(1)
        .executeTakeFirst();
      assert.ok(row, `${column} like ${pattern}`);
    };
    await has('counterparty', 'Safaricom PLC');
    await has('counterparty', 'Naivas%');
    await has('counterparty', 'Kenya Power (KPLC)');
    await has('description', 'M-PESA transfer to 07%');
    await has('description', 'Salary %');
    await has('description', 'Interest %');
    await has('description', 'Currency conversion USD→KES at %');
    // USD accounts move fewer, larger amounts.
    const usd = await lc.db
      .selectFrom('postings as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select(['a.currency', sql<number>`count(*)`.as('n')])
      .where('a.kind', '=', 'customer')
      .groupBy('a.currency')
      .execute();
    const count = (c: string) => Number(usd.find((r) => r.currency === c)?.n ?? 0);
    assert.ok(count('USD') > 0 && count('USD') < count('KES') / 3, JSON.stringify(usd));
  });

  test('each customer’s main KES account holds at least KES 100,000 after seeding', async () => {
    await assertMainAccountsFunded(bank);
  });

  test('every sandbox customer signs in with the documented password', async () => {
    for (const c of SANDBOX_CUSTOMERS) {
      const customer = await bank.authenticateCustomer(c.username, c.password);
      assert.ok(customer, c.username);
      assert.equal(customer.name, c.name);
      assert.match(customer.email, /@example\.co\.ke$/);
      assert.match(customer.phone, /^\+2547\d{8}$/);
    }
    assert.equal(await bank.authenticateCustomer('wanjiku', 'wrong-password'), null);
  });

  test('the ledger keeps working after the seed: a live transfer books on top of it', async () => {
    const customers = await bank.listCustomers();
    const wanjiku = customers.find((c) => c.username === 'wanjiku')!;
    const [main, savings] = await bank.listAccounts(wanjiku.id);
    const before = await bank.getBalance(main!.id);
    const entry = await bank.postTransfer({
      reference: 'after-seed-1',
      debitAccountId: main!.id,
      creditAccountId: savings!.id,
      amount: 1_00n,
      currency: 'KES',
      description: 'Live transfer',
    });
    assert.equal((await bank.getBalance(main!.id)).current, before.current - 1_00n);
    assert.equal(entry.postings.find((p) => p.accountId === main!.id)!.balanceAfter, before.current - 1_00n);
    assert.equal((await bank.verifyLedger()).ok, true);
  });

  test('seeding again does nothing', async () => {
    const again = await seedSandbox(lc, { transactions: 100, asOf: AS_OF });
    assert.deepEqual(
      { ...again, seconds: 0 },
      { customers: 0, accounts: 0, entries: 0, postings: 0, seconds: 0 },
    );
    assert.equal((await bank.verifyLedger()).entries, TRANSACTIONS + 1);
    for (const bad of [{ transactions: -1 }, { transactions: 1.5 }, { seed: Number.NaN }, { batchSize: 0 }]) {
      await assert.rejects(seedSandbox(lc, bad), { code: 'VALIDATION_FAILED' });
    }
  });
});

/** Every customer's main account (their first KES current account) holds at least the floor. */
async function assertMainAccountsFunded(bank: CoreBanking): Promise<void> {
  const customers = await bank.listCustomers();
  assert.equal(customers.length, SANDBOX_CUSTOMERS.length);
  for (const customer of customers) {
    const main = (await bank.listAccounts(customer.id)).find(
      (a) => a.type === 'current' && a.currency === 'KES',
    );
    assert.ok(main, `${customer.username} has a KES current account`);
    const balance = await bank.getBalance(main.id);
    assert.ok(balance.available >= MAIN_ACCOUNT_FLOOR, `${customer.username}: ${balance.available}`);
  }
}

test('the main accounts are funded after a small seed too, and the count of transactions stays exact', async () => {
  for (const transactions of [6, 300]) {
    const testDb = await createTestDatabase('sqlite');
    const database = openDatabase(testDb.config);
    try {
      await migrateAll(database, [coreBankingMigrations]);
      const result = await seedSandbox(ledgerContext(database), { transactions, asOf: AS_OF });
      assert.equal(result.entries, transactions);
      const bank = createCoreBanking(database);
      await assertMainAccountsFunded(bank);
      assert.equal((await bank.verifyLedger()).ok, true);
    } finally {
      await database.close();
      await testDb.drop();
    }
  }
});

async function seedFresh(options: Parameters<typeof seedSandbox>[1]) {
  const testDb = await createTestDatabase('sqlite');
  const database = openDatabase(testDb.config);
  try {
    await migrateAll(database, [eventsMigrations, coreBankingMigrations]);
    const lc = ledgerContext(database);
    await seedSandbox(lc, options);
    const customers = await lc.db.selectFrom('customers').selectAll().orderBy('id').execute();
    const accounts = await lc.db
      .selectFrom('accounts')
      .select(['id', 'account_number', 'opened_on'])
      .where('kind', '=', 'customer')
      .orderBy('id')
      .execute();
    // Internal accounts are opened by internalAccount() with random ids: compare their numbers.
    const postings = await lc.db
      .selectFrom('postings as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select([
        'p.id',
        'p.entry_id',
        'a.account_number',
        'p.amount',
        'p.balance_after',
        'p.booked_at',
        'p.counterparty',
      ])
      .orderBy('p.booked_at')
      .orderBy('p.id')
      .limit(600)
      .execute();
    // (Fingerprints cover account ids, so they differ with the internal account ids.)
    const entries = await lc.db
      .selectFrom('entries')
      .select(['id', 'reference', 'booked_at', 'description', 'counterparty', 'category'])
      .orderBy('id')
      .execute();
    return { customers, accounts, postings, entries };
  } finally {
    await database.close();
    await testDb.drop();
  }
}

test('the same seed and asOf give the same ids, credentials and history', async () => {
  const options = { transactions: 1_500, seed: 7, asOf: '2025-12-31' };
  const [a, b] = [await seedFresh(options), await seedFresh(options)];
  assert.deepEqual(a.customers, b.customers);
  assert.deepEqual(a.accounts, b.accounts);
  assert.deepEqual(a.postings, b.postings);
  assert.deepEqual(a.entries, b.entries);
  assert.equal(a.postings.length, 600);

  const otherDay = await seedFresh({ ...options, asOf: '2026-03-15' });
  assert.deepEqual(
    otherDay.customers.map((c) => c.id),
    a.customers.map((c) => c.id),
    'customer ids do not depend on asOf',
  );
  assert.deepEqual(
    otherDay.accounts.map((x) => [x.id, x.account_number]),
    a.accounts.map((x) => [x.id, x.account_number]),
    'account ids and numbers do not depend on asOf',
  );

  const otherSeed = await seedFresh({ ...options, seed: 8 });
  assert.notDeepEqual(
    otherSeed.customers.map((c) => c.id),
    a.customers.map((c) => c.id),
  );
});

test('seeding up to today books nothing after now', async () => {
  const now = new Date('2026-06-30T08:15:00.000Z');
  const testDb = await createTestDatabase('sqlite');
  const database = openDatabase(testDb.config);
  try {
    await migrateAll(database, [eventsMigrations, coreBankingMigrations]);
    const lc = { ...ledgerContext(database), now: () => now };
    await seedSandbox(lc, { transactions: 2_000 });
    const last = await lc.db
      .selectFrom('entries')
      .select(sql<string>`max(booked_at)`.as('at'))
      .executeTakeFirstOrThrow();
    assert.ok(last.at.startsWith('2026-06-30T') && last.at <= now.toISOString(), last.at);
  } finally {
    await database.close();
    await testDb.drop();
  }
});

test('asOf must be a real date, not in the future; bad options are refused', () => {
  const now = new Date('2026-06-30T12:00:00.000Z');
  assert.deepEqual(historySpan('2026-06-30', now), {
    startMs: Date.UTC(2024, 6, 1),
    days: 730,
    asOf: '2026-06-30',
  });
  assert.equal(historySpan(undefined, now).asOf, '2026-06-30');
  for (const bad of ['2026-07-01', '2026-02-30', '30/06/2026']) {
    assert.throws(() => historySpan(bad, now), { code: 'VALIDATION_FAILED' });
  }
});

test('inserts are chunked into few statement shapes', () => {
  assert.deepEqual(chunkSizes(0), []);
  assert.deepEqual(chunkSizes(1024), [1024]);
  assert.deepEqual(chunkSizes(2100), [1024, 1024, 32, 16, 4]);
  for (const n of [1, 999, 2047, 5000])
    assert.equal(
      chunkSizes(n).reduce((s, x) => s + x, 0),
      n,
    );
});
