/**
 * A transaction in few round trips stores exactly what the same statements run one by one would
 * (values with quotes, backslashes, `$1`, Unicode, 64-bit integers, JSON, nulls, timestamps), reads
 * the rows of statements sent together (locks included), defers writes to the commit, and leaves
 * nothing when a statement or the work fails.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompiledQuery, type InsertObject, sql } from 'kysely';
import pg from 'pg';
import { eachBackend } from '../../test-support/backends.ts';
import { AppError, isAppError } from '../errors/index.ts';
import { type FewRoundTrips, inlineParameters, insertRows, quoteLiteral } from './few-round-trips.ts';
import type { MigrationStep } from './migrations.ts';

interface Row {
  id: number;
  label: string | null;
  amount: number | bigint;
  at: string;
  doc: string;
  /** Has a default: a row may leave it out. */
  kind?: string;
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
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('plain'))
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
  assert.throws(() => inlineParameters(CompiledQuery.raw('select $1', ['cut\u0000here'])), /NUL/);
});

test("literals are quoted as node-postgres's escapeLiteral quotes them", () => {
  const alphabet = ["'", '\\', '"', '$', ';', '-', 'a', 'ũ', '💸', ' ', '\n', '\0'];
  const samples = [...AWKWARD];
  let seed = 11;
  for (let i = 0; i < 500; i++) {
    let text = '';
    for (let j = 0; j < i % 17; j++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      text += alphabet[seed % alphabet.length];
    }
    samples.push(text);
  }
  for (const text of samples) assert.equal(quoteLiteral(text), pg.escapeLiteral(text), JSON.stringify(text));
});

eachBackend('transactions in few round trips', [{ module: 'deferred', steps: [step] }], (ctx) => {
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

  /** Writes `values` directly, 100 ids further on. */
  const insertDirect = (values: readonly Row[]) =>
    db()
      .insertInto('samples')
      .values(values.map((v) => ({ ...v, id: v.id + 100 })))
      .execute();
  /** The rows from `from` (written deferred), checked equal to those written directly 100 ids further. */
  const sameAsDirect = async (from: number, count: number) => {
    const deferred = await rows(from);
    const direct = await rows(from + 100);
    assert.equal(deferred.length, count);
    assert.deepEqual(
      deferred.map((r) => ({ ...r })),
      direct.map((r) => ({ ...r, id: r.id - 100 })),
    );
    return deferred;
  };

  test('store what the same statements run one by one store, and read what is sent together', async () => {
    const values = [...AWKWARD, null].map((label, i) => sample(i + 1, label));
    await db().insertInto('samples').values(values[0]!).execute();
    const read = await ctx.database.inFewRoundTrips(async (tx) => {
      const [inserted, locked] = await tx.send([
        db().insertInto('samples').values(values.slice(1)).returning(['id', 'label']),
        db().selectFrom('samples').select(['id', 'label']).where('id', '=', 1).forUpdate(),
      ]);
      const later = tx.later<Tables>('deferred');
      await later
        .updateTable('samples')
        .set({ label: sql`${'updated: '} || label` })
        .where('id', '=', 1)
        .execute();
      if (ctx.database.kind === 'postgres') {
        assert.equal((await rows(1))[0]!.label, AWKWARD[0], 'the deferred update waits for the commit');
        assert.equal((await rows(1)).length, 1, 'the rows sent are not committed yet');
      }
      return { inserted, locked };
    });
    assert.deepEqual(
      read.inserted!.map((r) => ({ ...r })),
      values.slice(1).map((v) => ({ id: v.id, label: v.label })),
    );
    assert.deepEqual(
      read.locked!.map((r) => ({ ...r })),
      [{ id: 1, label: AWKWARD[0] }],
    );
    await insertDirect(values);
    await db()
      .updateTable('samples')
      .set({ label: sql`${'updated: '} || label` })
      .where('id', '=', 101)
      .execute();
    const deferred = await sameAsDirect(1, values.length);
    assert.equal(deferred[0]!.label, `updated: ${AWKWARD[0]}`);
    assert.equal(BigInt(deferred[1]!.amount), -9_007_199_254_740_993n);
  });

  test('deferred writes, their values written into the text, store what the same statements run one by one store', async () => {
    const values = [...AWKWARD, null].map((label, i) => sample(i + 301, label));
    await ctx.database.inFewRoundTrips(async (tx) => {
      await tx.later<Tables>('deferred').insertInto('samples').values(values).execute();
      await tx
        .later<Tables>('deferred')
        .updateTable('samples')
        .set({ doc: sql`doc || ${"$1 ' \\ 💸"}` })
        .where('label', 'in', [AWKWARD[0]!, AWKWARD[2]!])
        .execute();
    });
    await insertDirect(values);
    await db()
      .updateTable('samples')
      .set({ doc: sql`doc || ${"$1 ' \\ 💸"}` })
      .where('id', '>=', 401)
      .where('label', 'in', [AWKWARD[0]!, AWKWARD[2]!])
      .execute();
    const deferred = await sameAsDirect(301, values.length);
    assert.ok(deferred[0]!.doc.endsWith("$1 ' \\ 💸"));
  });

  test('insertRows, deferred, stores what Kysely’s insert of the same rows stores: defaults, expressions, another schema', async () => {
    // Kysely writes a default in a multi-row insert as NULL on SQLite (it has no DEFAULT there), so
    // on SQLite the first statement's rows all give `kind`; the last, a single row, leaves it out.
    const defaults = ctx.database.kind === 'postgres';
    const values: Row[] = [...AWKWARD, null].map((label, i) => ({
      ...sample(i + 801, label),
      // Given in some rows only (the others get the default), first given in a later row.
      ...(i % 3 === 1 || (!defaults && i < 4) ? { kind: `kind ' ${i}` } : {}),
    }));
    if (defaults) values[0] = { ...values[0]!, kind: undefined };
    // Three statements; the second's row holds an expression, so it goes through Kysely, as does
    // the last row's function making one.
    const statements: InsertObject<Tables, 'samples'>[][] = [
      values.slice(0, 4),
      [{ ...values[4]!, label: sql<string>`upper(${'expr'})` }],
      [{ ...values[5]!, doc: (eb) => eb.val('made by a function') }],
    ];
    await ctx.database.inFewRoundTrips(async (tx) => {
      const later = tx.later<Tables>('elsewhere');
      for (const group of statements) await insertRows(later, 'samples', group, 'deferred');
      await insertRows(later, 'samples', []);
      if (ctx.database.kind === 'postgres')
        assert.equal((await rows(801)).length, 0, 'deferred to the commit');
    });
    for (const group of statements) {
      await db()
        .insertInto('samples')
        .values(group.map((v) => ({ ...v, id: (v.id as number) + 100 })))
        .execute();
    }
    const written = await sameAsDirect(801, values.length);
    assert.deepEqual(
      written.map((r) => r.kind),
      defaults
        ? ['plain', "kind ' 1", 'plain', 'plain', "kind ' 4", 'plain']
        : ["kind ' 0", "kind ' 1", "kind ' 2", "kind ' 3", "kind ' 4", 'plain'],
    );
    assert.equal(written[4]!.label, 'EXPR');
    assert.equal(written[5]!.doc, 'made by a function');
    assert.equal(written[1]!.label, AWKWARD[1]);
    // A table named with its schema is that schema's table, as Kysely reads the name.
    await ctx.database.inFewRoundTrips((tx) =>
      insertRows(tx.later<Record<string, Row>>('elsewhere'), 'deferred.samples', [sample(880, 'qualified')]),
    );
    assert.equal((await rows(880))[0]!.label, 'qualified');
  });

  test('a deferred statement names its tables in the module’s schema, not its columns’ qualifiers', async () => {
    await db().insertInto('samples').values(sample(501, 'qualified')).execute();
    await ctx.database.inFewRoundTrips(async (tx) => {
      await tx
        .later<Tables>('deferred')
        .updateTable('samples')
        .set({ label: 'qualified, updated' })
        .where('samples.id', '=', 501)
        .where((eb) =>
          eb.exists(eb.selectFrom('samples as s').select('s.id').whereRef('s.id', '=', 'samples.id')),
        )
        .execute();
    });
    assert.equal((await rows(501))[0]!.label, 'qualified, updated');
    if (ctx.database.kind === 'postgres') {
      await assert.rejects(
        ctx.database.inFewRoundTrips(async (tx) => {
          await tx
            .later<Tables>('deferred')
            .with('recent', (q) => q.selectFrom('samples').select('id'))
            .deleteFrom('samples')
            .where('id', 'in', (eb) => eb.selectFrom('recent').select('id'))
            .execute();
        }),
        /cannot use WITH/,
      );
      assert.equal((await rows(501)).length, 1, 'nothing was deleted');
    }
  });

  test('reads at the commit see the transaction’s writes, answer once it committed, and fail it when they fail', async () => {
    let read: Promise<Record<string, unknown>[][]> | undefined;
    await ctx.database.inFewRoundTrips(async (tx) => {
      await tx
        .later<Tables>('deferred')
        .insertInto('samples')
        .values(sample(601, 'read at commit'))
        .execute();
      read = tx.readAtCommit([db().selectFrom('samples').select(['id', 'label']).where('id', '=', 601)]);
    });
    assert.deepEqual(
      (await read!)[0]!.map((r) => ({ ...r })),
      [{ id: 601, label: 'read at commit' }],
    );
    let failed: Promise<unknown> | undefined;
    await assert.rejects(
      ctx.database.inFewRoundTrips(async (tx) => {
        await tx.later<Tables>('deferred').insertInto('samples').values(sample(602, 'rolled back')).execute();
        failed = tx.readAtCommit([ctx.database.db.selectFrom(sql`no_such_table`.as('missing')).selectAll()]);
      }),
    );
    await assert.rejects(failed!);
    assert.equal(
      (await rows(602)).filter((r) => r.id === 602).length,
      0,
      'a failing read fails the transaction',
    );
  });

  test('a failing statement, deferred or sent, or failing work leaves nothing', async () => {
    const failing: ((tx: FewRoundTrips) => Promise<unknown>)[] = [
      async (tx) => {
        await tx.later<Tables>('deferred').insertInto('samples').values(sample(200, 'first')).execute();
        await tx.later<Tables>('deferred').insertInto('samples').values(sample(200, 'same id')).execute();
      },
      async (tx) => {
        await tx.send([db().insertInto('samples').values(sample(200, 'first'))]);
        await tx.send([db().insertInto('samples').values(sample(200, 'same id'))]);
      },
      async (tx) => {
        await tx.send([db().insertInto('samples').values(sample(200, 'first'))]);
        await tx.later<Tables>('deferred').insertInto('samples').values(sample(201, 'second')).execute();
        throw new AppError('INSUFFICIENT_FUNDS', 'the work decided against it');
      },
    ];
    for (const work of failing) {
      await assert.rejects(
        ctx.database.inFewRoundTrips(work),
        (err: unknown) => ctx.database.isUniqueViolation(err) || isAppError(err),
      );
      assert.equal((await rows(200)).length, 0);
    }
    // The connections are usable afterwards.
    await ctx.database.inFewRoundTrips((tx) =>
      tx.send([db().insertInto('samples').values(sample(200, 'ok'))]),
    );
    assert.equal((await rows(200)).length, 1);
  });
});
