import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type EventTables, openDatabase } from '../../platform/index.ts';
import { startTestApp, type TestApp } from '../../test-support/app.ts';
import { BACKENDS } from '../../test-support/backends.ts';

for (const backend of BACKENDS) {
  describe(`sandbox incoming transfers [${backend}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
    });
    after(() => t?.close());

    test('POST /sandbox/accounts/{id}/credit posts an incoming transfer once per key, and announces it', async () => {
      const customers = (await t.app.inject('/sandbox/customers')).json() as {
        data: { accounts: { id: string; currency: string }[] }[];
      };
      const account = customers.data[0]!.accounts.find((a) => a.currency === 'KES')!;
      const send = () =>
        t.app.inject({
          method: 'POST',
          url: `/sandbox/accounts/${account.id}/credit`,
          headers: { 'idempotency-key': 'credit-1' },
          payload: { amount: { amount: '2500.00', currency: 'KES' }, counterparty: 'Amina Hassan' },
        });
      const first = await send();
      assert.equal(first.statusCode, 201, first.body);
      const again = await send();
      assert.equal(again.json().entry_id, first.json().entry_id, 'the same key credits once');
      const database = openDatabase(t.config.database);
      try {
        const events = await database
          .schema<EventTables>('events')
          .selectFrom('outbox')
          .selectAll()
          .where('type', '=', 'transaction.posted')
          .where('aggregate', '=', account.id)
          .execute();
        assert.equal(events.length, 1);
        const data = JSON.parse(events[0]!.data);
        assert.deepEqual(data.amount, { amount: '2500.00', currency: 'KES' });
        assert.equal(data.credit_debit, 'credit');
        assert.equal(data.description, 'Incoming transfer from Amina Hassan');
      } finally {
        await database.close();
      }
      const bad = await t.app.inject({
        method: 'POST',
        url: `/sandbox/accounts/${account.id}/credit`,
        payload: { amount: { amount: '10.00', currency: 'USD' } },
      });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().code, 'CURRENCY_MISMATCH');
    });
  });
}
