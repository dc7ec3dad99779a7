import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { eachBackend } from '../test-support/backends.ts';
import type { PaymentsContext } from './context.ts';
import { KeyLookups, keysByPairs } from './idempotency.ts';
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

  // A plan of PostgreSQL's (on SQLite each look-up is its own query).
  if (ctx.backend !== 'postgres') return;
  test('each pair is an index look-up, even in a generic plan made while the table was nearly empty', async () => {
    // The statement is prepared once per connection; after a few runs PostgreSQL may keep a generic
    // plan, made from what it knew of the table then (nearly empty: a hash of the pairs and a scan of
    // every key was the cheapest), and use it once the table holds a day of keys.
    const query = keysByPairs(ctx.database.schema<PaymentsTables>(SCHEMA));
    const plan = await ctx.database.db.connection().execute(async (conn) => {
      await sql`set plan_cache_mode = force_generic_plan`.execute(conn);
      try {
        await sql.raw(`prepare pairs(text[], text[]) as ${query.sql}`).execute(conn);
        const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (format json)
          execute pairs('{app_a,app_b}', '{k1,k2}')`.execute(conn);
        await sql`deallocate pairs`.execute(conn);
        return JSON.stringify(rows[0]!['QUERY PLAN']);
      } finally {
        await sql`reset plan_cache_mode`.execute(conn);
      }
    });
    assert.doesNotMatch(plan, /"Seq Scan"|"Hash Join"/, plan);
    assert.match(plan, /"Index Scan"[^}]*"Relation Name":"idempotency_keys"/, plan);
  });
});
