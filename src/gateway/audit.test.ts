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
