import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachBackend } from '../../test-support/backends.ts';
import { appendEvents, type EventTables, eventsMigrations } from './outbox.ts';

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
