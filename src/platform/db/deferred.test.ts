/**
 * Deferred writes store exactly what the same statements run one by one would (values with quotes,
 * backslashes, `$1`, Unicode, 64-bit integers, JSON, nulls, timestamps), in one round trip on
 * PostgreSQL; a failing statement fails the transaction and leaves nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { eachBackend } from '../../test-support/backends.ts';
import { deferredWrites, inlineParameters } from './deferred.ts';
import type { MigrationStep } from './migrations.ts';

interface Row {
  id: number;
  label: string | null;
  amount: number | bigint;
  at: string;
  doc: string;
}

interface Tables {
  samples: Row;
}

const step: MigrationStep = {
  name: '0001_samples',
  async up(db, env) {
    await db.schema
      .createTable('samples')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('label', 'text')
      .addColumn('amount', env.columnTypes.bigint, (c) => c.notNull())
      .addColumn('at', env.columnTypes.timestamp, (c) => c.notNull())
      .addColumn('doc', 'text', (c) => c.notNull())
      .execute();
  },
};

const AWKWARD = [
  "O'Brien; drop table samples; --",
  'C:\\path\\with\\backslashes',
  'dollar $1 and $$ quoted $$',
  'Wanjikũ 💸 "quoted"',
  '',
];

test('inlined parameters: placeholders become literals; quoted text is left as it is', () => {
  const query = CompiledQuery.raw(`select "a$1", '$2', $1, $2, $3, $4, $10`, [
    "it's",
    null,
    12_345_678_901_234_567_890n,
    true,
    'a',
    'b',
    'c',
    'd',
    'e',
    'ten',
  ]);
  assert.equal(
    inlineParameters(query),
    `select "a$1", '$2', 'it''s', NULL, '12345678901234567890', 'true', 'ten'`,
  );
  assert.equal(inlineParameters(CompiledQuery.raw('select $1', ['a\\b'])), "select  E'a\\\\b'");
  assert.throws(() => inlineParameters(CompiledQuery.raw('select $2', ['only one'])), /no parameter \$2/);
});

eachBackend('deferred writes', [{ module: 'deferred', steps: [step] }], (ctx) => {
  const db = () => ctx.database.schema<Tables>('deferred');
  const rows = (from: number) =>
    db()
      .selectFrom('samples')
      .selectAll()
      .where('id', '>=', from)
      .where('id', '<', from + 100)
      .orderBy('id')
      .execute();
  const sample = (id: number, label: string | null): Row => ({
    id,
    label,
    amount: id % 2 === 0 ? -9_007_199_254_740_993n : 1_050,
    at: '2026-11-28T10:15:00.123Z',
    doc: JSON.stringify({ label, nested: { quote: "'", backslash: '\\' } }),
  });

  test('store what the same statements run one by one store', async () => {
    const values = [...AWKWARD, null].map((label, i) => sample(i + 1, label));
    await db()
      .transaction()
      .execute(async (trx) => {
        const writes = deferredWrites(ctx.database, trx);
        const later = writes.schema<Tables>('deferred');
        for (const v of values) await later.insertInto('samples').values(v).execute();
        await later
          .updateTable('samples')
          .set({ label: sql`${'updated: '} || label` })
          .where('id', '=', 1)
          .execute();
        if (ctx.database.kind === 'postgres') assert.equal((await rows(1)).length, 0, 'nothing ran yet');
        await writes.flush();
      });
    await db()
      .insertInto('samples')
      .values(values.map((v) => ({ ...v, id: v.id + 100 })))
      .execute();
    await db()
      .updateTable('samples')
      .set({ label: sql`${'updated: '} || label` })
      .where('id', '=', 101)
      .execute();
    const deferred = await rows(1);
    const direct = await rows(101);
    assert.equal(deferred.length, values.length);
    assert.deepEqual(
      deferred.map((r) => ({ ...r })),
      direct.map((r) => ({ ...r, id: r.id - 100 })),
    );
    assert.equal(deferred[0]!.label, `updated: ${AWKWARD[0]}`);
    assert.equal(BigInt(deferred[1]!.amount), -9_007_199_254_740_993n);
  });

  test('a failing statement fails the transaction: nothing of it stays', async () => {
    await assert.rejects(
      db()
        .transaction()
        .execute(async (trx) => {
          const writes = deferredWrites(ctx.database, trx);
          const later = writes.schema<Tables>('deferred') as Kysely<Tables>;
          await later.insertInto('samples').values(sample(200, 'first')).execute();
          await later.insertInto('samples').values(sample(200, 'same id')).execute();
          await writes.flush();
        }),
      (err: unknown) => ctx.database.isUniqueViolation(err),
    );
    assert.equal((await rows(200)).length, 0);
  });
});
