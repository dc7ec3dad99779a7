import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachBackend } from '../test-support/backends.ts';
import type { PaymentsContext } from './context.ts';
import { KeyLookups } from './idempotency.ts';
import { paymentsMigrations } from './index.ts';
import { type PaymentsTables, SCHEMA } from './tables.ts';

eachBackend('idempotency key look-ups', [paymentsMigrations], (ctx) => {
  test('look-ups made together each get their own key: the app’s, not another app’s with the same key', async () => {
    const db = ctx.database.schema<PaymentsTables>(SCHEMA);
    const row = (clientId: string, key: string, paymentId: string) => ({
      client_id: clientId,
      key,
      fingerprint: `fp-${paymentId}`,
      payment_id: paymentId,
      created_at: '2026-11-28T10:00:00.000Z',
      expires_at: '2026-11-29T10:00:00.000Z',
    });
    await db
      .insertInto('idempotency_keys')
      .values([row('app_a', 'k1', 'pay_a1'), row('app_b', 'k1', 'pay_b1'), row('app_a', "k'2\\", 'pay_a2')])
      .execute();
    const lookups = new KeyLookups({ database: ctx.database, db } as unknown as PaymentsContext);
    // Made in one turn of the event loop: on PostgreSQL, one query.
    const found = await Promise.all([
      lookups.find('app_a', 'k1'),
      lookups.find('app_b', 'k1'),
      lookups.find('app_c', 'k1'),
      lookups.find('app_a', "k'2\\"),
      lookups.find('app_a', 'k3'),
      lookups.find('app_a', 'k1'),
    ]);
    assert.deepEqual(
      found.map((r) => r?.payment_id),
      ['pay_a1', 'pay_b1', undefined, 'pay_a2', undefined, 'pay_a1'],
    );
    // One alone, and a key committed after a first look-up is seen by the next.
    assert.equal(await lookups.find('app_d', 'k1'), undefined);
    await db
      .insertInto('idempotency_keys')
      .values(row('app_d', 'k1', 'pay_d1'))
      .execute();
    const [again, other] = await Promise.all([lookups.find('app_d', 'k1'), lookups.find('app_e', 'k1')]);
    assert.equal(again?.payment_id, 'pay_d1');
    assert.equal(other, undefined);
  });
});
