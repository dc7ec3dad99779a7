import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsMigrations } from '../../platform/events/index.ts';
import { type Database, migrateAll, openDatabase } from '../../platform/index.ts';
import { BACKENDS, createTestDatabase } from '../../test-support/backends.ts';
import { coreBankingMigrations, createCoreBanking } from '../index.ts';
import type { CoreBankingTables } from '../tables.ts';
import { ledgerMigration } from './0001_ledger.ts';

const T = '2026-01-05T10:00:00.000Z';

/** A database at 0001 with a deposit and three holds — active, released and captured — written as 0001's code did. */
async function legacyLedger(database: Database) {
  await migrateAll(database, [{ module: 'core_banking', steps: [ledgerMigration] }]);
  // biome-ignore lint/suspicious/noExplicitAny: the 0001 shape, without the columns 0002 adds
  const db = database.schema<any>('core_banking');
  await db
    .insertInto('customers')
    .values({
      id: 'cus_1',
      username: 'legacy',
      password_hash: 'x',
      name: 'Legacy',
      email: 'l@example.co.ke',
      phone: '+254700000031',
      kyc_status: 'verified',
      created_at: T,
    })
    .execute();
  const account = (id: string, kind: string, number: string) => ({
    id,
    customer_id: kind === 'customer' ? 'cus_1' : null,
    kind,
    type: kind === 'customer' ? 'current' : 'settlement',
    currency: 'KES',
    status: 'open',
    account_number: number,
    nickname: id,
    overdraft_limit: 0,
    opened_on: T.slice(0, 10),
    created_at: T,
  });
  await db
    .insertInto('accounts')
    .values([
      account('acc_C', 'customer', '0100000000001'),
      account('acc_S', 'internal', 'GL-SETTLEMENT-KES'),
    ])
    .execute();
  const entry = (id: string, reference: string) => ({
    id,
    reference,
    fingerprint: reference,
    kind: 'entry',
    booked_at: T,
    value_date: T.slice(0, 10),
    description: reference,
    counterparty: null,
    category: null,
    reverses_entry_id: null,
    created_at: T,
  });
  await db
    .insertInto('entries')
    .values([entry('jrn_1', 'deposit'), entry('jrn_2', 'capture')])
    .execute();
  const posting = (
    id: string,
    entryId: string,
    accountId: string,
    amount: number,
    after: number,
    seq: number,
  ) => ({
    id,
    entry_id: entryId,
    account_id: accountId,
    amount,
    currency: 'KES',
    balance_after: after,
    seq,
    booked_at: T,
    value_date: T.slice(0, 10),
    description: entryId,
    counterparty: null,
    category: null,
  });
  await db
    .insertInto('postings')
    .values([
      posting('txn_1', 'jrn_1', 'acc_S', -1000, -1000, 1),
      posting('txn_2', 'jrn_1', 'acc_C', 1000, 1000, 1),
      posting('txn_3', 'jrn_2', 'acc_C', -200, 800, 2),
      posting('txn_4', 'jrn_2', 'acc_S', 200, -800, 2),
    ])
    .execute();
  const hold = (id: string, status: string, amount: number, entryId: string | null, updated: string) => ({
    id,
    account_id: 'acc_C',
    amount,
    currency: 'KES',
    reference: id,
    status,
    description: id,
    entry_id: entryId,
    created_at: T,
    updated_at: updated,
  });
  await db
    .insertInto('holds')
    .values([
      hold('hld_active', 'active', 100, null, '2026-01-05T10:00:03.000Z'),
      hold('hld_released', 'released', 50, null, '2026-01-05T10:00:01.000Z'),
      hold('hld_captured', 'captured', 200, 'jrn_2', '2026-01-05T10:00:02.000Z'),
    ])
    .execute();
  const balance = (id: string, current: number, held: number) => ({
    account_id: id,
    currency: 'KES',
    current,
    held,
    last_seq: 2,
    updated_at: T,
  });
  await db
    .insertInto('balances')
    .values([balance('acc_C', 800, 100), balance('acc_S', -800, 0)])
    .execute();
}

for (const backend of BACKENDS) {
  test(`0002 numbers existing holds and gives them transaction ids; the feed works on them [${backend}]`, async () => {
    const testDb = await createTestDatabase(backend);
    const database = openDatabase(testDb.config);
    try {
      await legacyLedger(database);
      await migrateAll(database, [eventsMigrations, coreBankingMigrations]);
      const db = database.schema<CoreBankingTables>('core_banking');
      const holds = await db
        .selectFrom('holds')
        .select(['id', 'version', 'placed_version', 'transaction_id'])
        .orderBy('version')
        .execute();
      assert.deepEqual(
        holds.map((h) => [h.id, Number(h.version), Number(h.placed_version)]),
        [
          ['hld_released', 1, 1],
          ['hld_captured', 2, 2],
          ['hld_active', 3, 3],
        ],
        'numbered in the order they last changed',
      );
      assert.equal(holds[1]?.transaction_id, 'txn_3', "a captured hold's id is its capture's posting");
      assert.match(String(holds[2]?.transaction_id), /^txn_[0-9A-Z]{26}$/);
      const bank = createCoreBanking(database);
      assert.ok((await bank.verifyLedger()).ok, 'last_hold_version is the newest hold change');

      const first = await bank.syncTransactions('acc_C');
      assert.deepEqual(
        first.added.map((t) => [t.id, t.status]),
        [
          ['txn_2', 'booked'],
          ['txn_3', 'booked'],
          [holds[2]?.transaction_id, 'pending'],
        ],
      );
      const entry = await bank.captureHold('hld_active', {
        reference: 'capture-2',
        creditAccountId: 'acc_S',
        description: 'Captured after the migration',
      });
      assert.ok(entry.postings.some((p) => p.id === holds[2]?.transaction_id));
      const next = await bank.syncTransactions('acc_C', {}, { cursor: first.nextCursor });
      assert.deepEqual(
        next.modified.map((t) => [t.id, t.status]),
        [[holds[2]?.transaction_id, 'booked']],
      );
      assert.deepEqual([next.added, next.removed], [[], []]);
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
}
