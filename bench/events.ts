/**
 * @module Event throughput: business events appended to the outbox (one per transaction, 8
 * concurrent writers, as payments would), published by the relay to RabbitMQ with publisher
 * confirms, and consumed from a durable queue — on PostgreSQL. Reports the outbox write rate and
 * the end-to-end rate (appended → consumed). Usage: node bench/events.ts [--events 20000]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AmqpConnection } from '../src/platform/connections/amqp.ts';
import {
  appendEvents,
  type EventTables,
  eventsMigrations,
  migrateAll,
  OutboxRelay,
  openDatabase,
  RabbitBus,
} from '../src/platform/index.ts';
import { createTestDatabase } from '../src/test-support/backends.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: '20000' } } });
const total = Number(values.events);
const WRITERS = 8;

const testDb = await createTestDatabase('postgres');
const database = openDatabase(testDb.config);
const amqp = new AmqpConnection('amqp://guest:guest@127.0.0.1:5672');
const name = `bench-${randomUUID()}`;
try {
  await migrateAll(database, [eventsMigrations]);
  const consumerBus = new RabbitBus(new AmqpConnection('amqp://guest:guest@127.0.0.1:5672'));
  let consumed = 0;
  let done: () => void = () => {};
  const allConsumed = new Promise<void>((resolve) => {
    done = resolve;
  });
  const seen = new Set<string>();
  await consumerBus.subscribe(name, 'payment.*', async (e) => {
    if (e.source !== 'bench' || seen.has(e.id)) return;
    seen.add(e.id);
    if (++consumed === total) done();
  });
  const relay = new OutboxRelay(database, new RabbitBus(amqp), { source: 'bench', onError: () => {} });
  const events = database.schema<EventTables>('events');
  const started = performance.now();
  relay.start();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < total) {
        const n = next++;
        await events.transaction().execute((trx) =>
          appendEvents(trx, [
            {
              type: 'payment.completed',
              subject: `payments/pay_${n}`,
              aggregate: `pay_${n}`,
              clientId: 'app_bench',
              data: { id: `pay_${n}`, amount: { amount: '100.00', currency: 'KES' } },
            },
          ]),
        );
      }
    }),
  );
  const appendedMs = performance.now() - started;
  await allConsumed;
  const endToEndMs = performance.now() - started;
  await relay.stop();
  await consumerBus.close();
  const rate = (ms: number) => Math.round(total / (ms / 1000)).toLocaleString('en');
  process.stdout.write(
    `\nNode ${process.version}, PostgreSQL + RabbitMQ, ${total.toLocaleString('en')} events, ${WRITERS} writers\n\n` +
      '| stage | events/s |\n| --- | --- |\n' +
      `| appended to the outbox (one event per transaction) | ${rate(appendedMs)} |\n` +
      `| end to end: appended → relayed with confirms → consumed | ${rate(endToEndMs)} |\n`,
  );
} finally {
  const ch = await (await amqp.get()).createChannel();
  await ch.deleteQueue(`wekeza.${name}`).catch(() => {});
  await ch.deleteQueue(`wekeza.${name}.dlq`).catch(() => {});
  await ch.close();
  await amqp.close();
  await database.close();
  await testDb.drop();
}
