/**
 * The app publishes business events only once webhook fan-out listens on the bus: with a broker
 * that cannot take the subscription at first (a fresh broker, a deploy racing it), events committed
 * meanwhile wait in the outbox instead of going to a bus where nothing would route them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../app.ts';
import {
  appendEvents,
  type EventBus,
  type EventTables,
  InProcessBus,
  loadConfig,
  openServices,
} from '../platform/index.ts';
import { TEST_MASTER_KEY } from '../test-support/app.ts';
import { createTestDatabase } from '../test-support/backends.ts';

test('events committed before fan-out could subscribe are published after it did, not before', async () => {
  const testDb = await createTestDatabase('sqlite');
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      WEKEZA_SANDBOX: 'true',
      WEKEZA_SEED_TRANSACTIONS: '10',
      WEKEZA_MASTER_KEY: TEST_MASTER_KEY,
    },
    { database: testDb.config },
  );
  const services = openServices(config);
  const inner = new InProcessBus();
  let refusals = 2;
  let subscribed = false;
  const publishedBeforeSubscribed: string[] = [];
  const published: string[] = [];
  const bus: EventBus = {
    kind: inner.kind,
    async subscribe(name, pattern, handler) {
      if (refusals-- > 0) throw new Error('broker unreachable');
      const subscription = await inner.subscribe(name, pattern, handler);
      subscribed = true;
      return subscription;
    },
    async publish(events) {
      for (const e of events) (subscribed ? published : publishedBeforeSubscribed).push(e.id);
      await inner.publish(events);
    },
    close: () => inner.close(),
  };
  const app = await buildApp(config, { services: { ...services, bus } });
  try {
    const events = services.database.schema<EventTables>('events');
    const [id] = await events
      .transaction()
      .execute((trx) =>
        appendEvents(trx, [
          { type: 'payment.completed', subject: 'payments/p1', aggregate: 'p1', clientId: 'app_x', data: {} },
        ]),
      );
    for (let i = 0; i < 300 && !published.includes(id!); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(subscribed, 'fan-out subscribed once the bus took it');
    assert.deepEqual(publishedBeforeSubscribed, [], 'nothing was published before');
    assert.ok(published.includes(id!), 'and the waiting event was published after');
  } finally {
    await app.close();
    await services.close();
    await testDb.drop();
  }
});
