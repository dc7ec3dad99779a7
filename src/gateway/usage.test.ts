import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateAll } from '../platform/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { gatewayMigrations } from './index.ts';
import type { GatewayTables } from './tables.ts';
import { UsageMeter } from './usage.ts';

eachBackend('usage metering', [], (ctx) => {
  test('counts that could not be written are kept and written, added up, with the next flush', async () => {
    const meter = new UsageMeter(ctx.database.schema<GatewayTables>('gateway'));
    const at = Date.parse('2026-11-28T10:15:00Z');
    const route = 'GET /v1/accounts/:account_id/balance';
    meter.record('app_1', route, 200, 2.5, at);
    meter.record('app_1', route, 404, 7.25, at);
    // No tables yet: the flush fails, and nothing is lost.
    await assert.rejects(meter.flush());
    meter.record('app_1', route, 200, 1, at + 60_000);
    await migrateAll(ctx.database, [gatewayMigrations]);
    await meter.flush();
    const rows = await meter.read('app_1', {
      from: '2026-11-28T10:00:00.000Z',
      to: '2026-11-28T11:00:00.000Z',
      granularity: 'hour',
    });
    assert.deepEqual(rows, [
      {
        period: '2026-11-28T10:00:00.000Z',
        route,
        requests: 3,
        errors: 1,
        latencyMsAvg: 3.583,
        latencyMsMax: 7.25,
      },
    ]);
    // A later flush adds to the stored hour rather than replacing it.
    meter.record('app_1', route, 500, 9, at);
    await meter.flush();
    const [after] = await meter.read('app_1', {
      from: '2026-11-28T10:00:00.000Z',
      to: '2026-11-28T11:00:00.000Z',
      granularity: 'day',
    });
    assert.deepEqual(
      [after?.period, after?.requests, after?.errors, after?.latencyMsMax],
      ['2026-11-28', 4, 2, 9],
    );
  });
});
