import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test-support/backends.ts';
import { openDatabase } from '../index.ts';
import type { Database } from '../types.ts';

let testDb: TestDatabase;
const opened: Database[] = [];

/** One connection, so that every statement of a test runs on the same server session. */
function open(preparedStatements: boolean): Database {
  if (testDb.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const database = openDatabase({ ...testDb.config, poolMax: 1, preparedStatements });
  opened.push(database);
  return database;
}

const preparedOnSession = async (database: Database) =>
  (
    await sql<{
      statement: string;
    }>`select statement from pg_prepared_statements order by prepare_time`.execute(database.db)
  ).rows.map((r) => r.statement);

before(async () => {
  testDb = await createTestDatabase('postgres');
});
after(async () => {
  for (const d of opened) await d.close();
  await testDb.drop();
});

test('data statements used again are prepared once per connection and then only executed', async () => {
  const database = open(true);
  const { db } = database;
  await sql`create table items (id int primary key, label text)`.execute(db);
  for (let i = 1; i <= 3; i++) {
    await db
      .insertInto('items')
      .values({ id: i, label: `item ${i}` })
      .execute();
  }
  const page = () => db.selectFrom('items').selectAll().where('id', '>=', 2).orderBy('id').execute();
  const expected = [
    { id: 2, label: 'item 2' },
    { id: 3, label: 'item 3' },
  ];
  assert.deepEqual(await page(), expected);
  assert.deepEqual(await page(), expected);
  await db.deleteFrom('items').where('id', '=', 99).execute();
  const prepared = await preparedOnSession(database);
  // One prepared insert for three executions, one select for two; the statement used once and the
  // DDL ran unnamed.
  assert.equal(prepared.filter((s) => s.startsWith('insert into "items"')).length, 1);
  assert.equal(prepared.filter((s) => s.startsWith('select * from "items"')).length, 1);
  assert.equal(prepared.filter((s) => s.startsWith('delete')).length, 0);
  assert.equal(prepared.filter((s) => /^create/i.test(s)).length, 0);
});

test('a batch of many parameters runs unnamed', async () => {
  const database = open(true);
  const { db } = database;
  await sql`create table batch_items (id int primary key)`.execute(db);
  const rows = (from: number) => Array.from({ length: 150 }, (_, i) => ({ id: from + i }));
  await db.insertInto('batch_items').values(rows(0)).execute();
  await db.insertInto('batch_items').values(rows(150)).execute();
  const prepared = await preparedOnSession(database);
  assert.equal(prepared.filter((s) => s.includes('batch_items')).length, 0);
});

test('turned off, nothing is prepared', async () => {
  const database = open(false);
  const { db } = database;
  await sql`create table plain_items (id int primary key)`.execute(db);
  for (let i = 1; i <= 2; i++) await db.insertInto('plain_items').values({ id: i }).execute();
  await db.selectFrom('plain_items').selectAll().execute();
  await db.selectFrom('plain_items').selectAll().execute();
  assert.deepEqual(
    (await preparedOnSession(database)).filter((s) => s.includes('plain_items')),
    [],
  );
});

test('a statement whose result columns a migration changed runs again unnamed, outside a transaction at once', async () => {
  const database = open(true);
  const { db } = database;
  await sql`create table accounts_x (id int primary key, name text)`.execute(db);
  await db.insertInto('accounts_x').values({ id: 1, name: 'a' }).execute();
  const read = () => db.selectFrom('accounts_x').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  assert.deepEqual(await read(), { id: 1, name: 'a' });
  assert.deepEqual(await read(), { id: 1, name: 'a' });

  // Another version's migration, as during a rolling deploy.
  await sql`alter table accounts_x add column nickname text default 'n'`.execute(db);
  assert.deepEqual(await read(), { id: 1, name: 'a', nickname: 'n' });
  assert.deepEqual(await read(), { id: 1, name: 'a', nickname: 'n' });
});

test('inside a transaction the refusal fails that transaction; the statement then runs unnamed', async () => {
  const database = open(true);
  const { db } = database;
  await sql`create table cards_x (id int primary key, pan_last4 text)`.execute(db);
  await db.insertInto('cards_x').values({ id: 1, pan_last4: '4242' }).execute();
  const read = (on: typeof db) =>
    on.selectFrom('cards_x').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  await read(db);
  await read(db);
  await sql`alter table cards_x add column brand text default 'visa'`.execute(db);
  await assert.rejects(
    db.transaction().execute((trx) => read(trx)),
    /cached plan must not change result type/,
  );
  assert.deepEqual(await db.transaction().execute((trx) => read(trx)), {
    id: 1,
    pan_last4: '4242',
    brand: 'visa',
  });
});

test('a statement the server session lost (a pooler reset it) runs again unnamed', async () => {
  const database = open(true);
  const { db } = database;
  await sql`create table rates_x (id int primary key, bps int)`.execute(db);
  await db.insertInto('rates_x').values({ id: 1, bps: 150 }).execute();
  const read = () => db.selectFrom('rates_x').select('bps').where('id', '=', 1).executeTakeFirstOrThrow();
  assert.deepEqual(await read(), { bps: 150 });
  assert.deepEqual(await read(), { bps: 150 });
  // What PgBouncer's server_reset_query does between clients.
  await sql`deallocate all`.execute(db);
  assert.deepEqual(await read(), { bps: 150 });
  assert.deepEqual(await read(), { bps: 150 });
});

test('parameters typed before a column changed type: the write runs again unnamed, once', async () => {
  const database = open(true);
  const { db } = database;
  await sql`create table limits_x (id int primary key, amount int)`.execute(db);
  const write = (id: number, amount: number) => db.insertInto('limits_x').values({ id, amount }).execute();
  await write(1, 10);
  await write(2, 20);
  // A migration widens the column; the prepared insert still types its parameter as int.
  await sql`alter table limits_x alter column amount type bigint`.execute(db);
  await write(3, 3_000_000_000);
  await write(4, 4_000_000_000);
  const rows = await db.selectFrom('limits_x').select(['id', 'amount']).orderBy('id').execute();
  assert.deepEqual(
    rows.map((r) => [r.id, Number(r.amount)]),
    [
      [1, 10],
      [2, 20],
      [3, 3_000_000_000],
      [4, 4_000_000_000],
    ],
  );
  // A statement's own error is still its own (and nothing is written twice).
  await assert.rejects(write(4, 5), /duplicate key/);
  await assert.rejects(write(5, 2 ** 63), /out of range/);
  assert.equal((await db.selectFrom('limits_x').select('id').execute()).length, 4);
});
