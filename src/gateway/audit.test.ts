import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateAll } from '../platform/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { AuditTrail } from './audit.ts';
import { gatewayMigrations } from './index.ts';
import type { GatewayTables } from './tables.ts';

eachBackend('the access audit trail', [gatewayMigrations], (ctx) => {
  test('repeats of one access within a second are one record with a count; anything else is its own', async () => {
    const db = ctx.database.schema<GatewayTables>('gateway');
    const trail = new AuditTrail(db, () => {});
    const access = (at: string, over: Partial<Parameters<AuditTrail['record']>[0]> = {}) =>
      trail.record({
        at,
        request_id: `req-${at}`,
        client_id: 'app_1',
        customer_id: 'cus_1',
        consent_id: 'cns_1',
        account_id: 'acc_1',
        method: 'GET',
        route: '/v1/accounts/:account_id/balance',
        status: 200,
        ...over,
      });
    for (let ms = 100; ms < 600; ms += 100) access(`2026-11-28T10:00:00.${ms}Z`);
    access('2026-11-28T10:00:00.700Z', { status: 429 });
    access('2026-11-28T10:00:00.800Z', { account_id: 'acc_2' });
    access('2026-11-28T10:00:01.100Z');
    await trail.flush();
    const history = await trail.history('cns_1', 10);
    assert.deepEqual(
      history.map((h) => [h.at, h.lastAt, h.count, h.accountId, h.status]),
      [
        ['2026-11-28T10:00:01.100Z', '2026-11-28T10:00:01.100Z', 1, 'acc_1', 200],
        ['2026-11-28T10:00:00.800Z', '2026-11-28T10:00:00.800Z', 1, 'acc_2', 200],
        ['2026-11-28T10:00:00.700Z', '2026-11-28T10:00:00.700Z', 1, 'acc_1', 429],
        ['2026-11-28T10:00:00.100Z', '2026-11-28T10:00:00.500Z', 5, 'acc_1', 200],
      ],
    );
    assert.equal((await trail.lastUsed(['cns_1'])).get('cns_1'), '2026-11-28T10:00:01.100Z');
    // After a flush, a repeat in the same second starts a new record (written rows are never changed).
    access('2026-11-28T10:00:01.200Z');
    await trail.flush();
    assert.equal((await trail.history('cns_1', 10)).length, 5);
  });
});

eachBackend('the access audit trail past its retention', [gatewayMigrations], (ctx) => {
  const DAY = 86_400_000;
  const db = () => ctx.database.schema<GatewayTables>('gateway');
  const rows = (daysAgo: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      at: new Date(Date.now() - daysAgo * DAY + i).toISOString(),
      request_id: `req-${daysAgo}-${i}`,
      client_id: 'app_1',
      customer_id: 'cus_1',
      consent_id: `cns_${daysAgo}`,
      account_id: null,
      method: 'GET',
      route: '/v1/accounts',
      status: 200,
    }));
  const remaining = async () =>
    (await db().selectFrom('access_audit').select('consent_id').execute()).map((r) => r.consent_id);

  test('records older than the retention are purged in batches; younger ones stay', async () => {
    const old = rows(800, 5_010);
    for (let i = 0; i < old.length; i += 500)
      await db()
        .insertInto('access_audit')
        .values(old.slice(i, i + 500))
        .execute();
    await db()
      .insertInto('access_audit')
      .values([...rows(400, 2), ...rows(10, 1)])
      .execute();
    const trail = new AuditTrail(db(), () => {});
    assert.equal(await trail.purge(new Date(Date.now() - 730 * DAY)), 5_010, 'more than one batch');
    assert.deepEqual((await remaining()).sort(), ['cns_10', 'cns_400', 'cns_400']);
    assert.equal(await trail.purge(new Date(Date.now() - 200 * DAY)), 2);
    assert.deepEqual(await remaining(), ['cns_10']);
  });

  test('the database refuses to delete a record younger than a year, and to change any', async () => {
    await assert.rejects(db().deleteFrom('access_audit').execute(), /keeps every record for 365 days/);
    await assert.rejects(new AuditTrail(db(), () => {}).purge(new Date(Date.now() + DAY)), /365 days/);
    await assert.rejects(db().updateTable('access_audit').set({ status: 500 }).execute(), /append-only/);
    assert.deepEqual(await remaining(), ['cns_10']);
  });
});

eachBackend('the access audit trail, when the database refuses a flush', [], (ctx) => {
  test('the records are kept and written by the next flush', async () => {
    const trail = new AuditTrail(ctx.database.schema<GatewayTables>('gateway'), () => {});
    trail.record({
      at: '2026-11-28T10:00:00.100Z',
      request_id: 'req-1',
      client_id: 'app_1',
      customer_id: 'cus_1',
      consent_id: 'cns_1',
      account_id: null,
      method: 'GET',
      route: '/v1/accounts',
      status: 200,
    });
    await assert.rejects(trail.flush());
    await migrateAll(ctx.database, [gatewayMigrations]);
    await trail.flush();
    assert.deepEqual(
      (await trail.history('cns_1', 10)).map((h) => [h.at, h.route, h.count]),
      [['2026-11-28T10:00:00.100Z', '/v1/accounts', 1]],
    );
  });
});
