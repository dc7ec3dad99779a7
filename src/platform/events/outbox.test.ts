import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BACKENDS, createTestDatabase, eachBackend } from '../../test-support/backends.ts';
import { migrateAll, openDatabase } from '../db/index.ts';
import { InProcessBus } from './bus.ts';
import { appendEvents, type EventTables, eventsMigrations } from './outbox.ts';
import { OutboxRelay } from './relay.ts';

eachBackend('the transactional outbox', [eventsMigrations], (ctx) => {
  const events = () => ctx.database.schema<EventTables>('events');

  test('events appended in a transaction exist exactly when it commits, in order', async () => {
    const db = events();
    const ids = await db.transaction().execute((trx) =>
      appendEvents(trx, [
        {
          type: 'payment.created',
          subject: 'payments/pay_1',
          aggregate: 'pay_1',
          clientId: 'app_1',
          data: { id: 'pay_1' },
        },
        {
          type: 'payment.completed',
          subject: 'payments/pay_1',
          aggregate: 'pay_1',
          clientId: 'app_1',
          data: { id: 'pay_1' },
        },
      ]),
    );
    assert.equal(ids.length, 2);
    assert.ok(ids.every((id) => id.startsWith('evt_')));
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await appendEvents(trx, [
          {
            type: 'payment.created',
            subject: 'payments/pay_2',
            aggregate: 'pay_2',
            clientId: null,
            data: {},
          },
        ]);
        throw new Error('the business change failed');
      }),
      /business change failed/,
    );
    const rows = await db.selectFrom('outbox').selectAll().orderBy('seq').execute();
    assert.deepEqual(
      rows.map((r) => [r.type, r.aggregate, r.published_at, JSON.parse(r.data).id]),
      [
        ['payment.created', 'pay_1', null, 'pay_1'],
        ['payment.completed', 'pay_1', null, 'pay_1'],
      ],
    );
  });
});

for (const backend of BACKENDS) {
  test(`[${backend}] an outbox relayed before the watermark keeps its order: what was marked stays published, the rest goes next`, async (t) => {
    const testDb = await createTestDatabase(backend);
    const database = openDatabase(testDb.config);
    t.after(async () => {
      await database.close();
      await testDb.drop();
    });
    const before = { module: eventsMigrations.module, steps: eventsMigrations.steps.slice(0, 2) };
    await migrateAll(database, [before]);
    const db = database.schema<EventTables>('events');
    const event = (n: number) => ({
      type: 'payment.completed',
      subject: `payments/pay_${n}`,
      aggregate: `pay_${n}`,
      clientId: 'app_1',
      data: { n },
    });
    await db.transaction().execute((trx) => appendEvents(trx, [1, 2, 3, 4, 5].map(event)));
    const rows = await db.selectFrom('outbox').select('seq').orderBy('seq').execute();
    // As the earlier relay left them: 1–2 marked, 3 numbered but not marked (its publish failed), 4–5 new.
    for (const [i, row] of rows.slice(0, 3).entries()) {
      await db
        .updateTable('outbox')
        .set({ published_seq: i + 1, published_at: i < 2 ? new Date().toISOString() : null })
        .where('seq', '=', row.seq)
        .execute();
    }
    await migrateAll(database, [eventsMigrations]);
    const state = await db.selectFrom('relay_state').selectAll().executeTakeFirstOrThrow();
    assert.equal(Number(state.published_upto), 2);

    const bus = new InProcessBus();
    const seen: string[] = [];
    await bus.subscribe('all', '#', async (e) => void seen.push(`${e.data.n}@${e.sequence}`));
    const relay = new OutboxRelay(database, bus, { source: 'x', onError: () => {} });
    relay.start();
    try {
      for (let i = 0; i < 200 && seen.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(seen, ['3@3', '4@4', '5@5']);
    } finally {
      await relay.stop();
    }
  });
}
