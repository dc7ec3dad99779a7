/**
 * @module Webhook delivery throughput and latency to a local receiver (node:http in a separate
 * process, which verifies every signature with the `standardwebhooks` library): events appended to
 * the outbox, published by the relay to the in-process bus, fanned out to the subscribed endpoints,
 * signed and POSTed by the dispatcher. Three runs per backend: a burst (every event appended at once:
 * deliveries per second until the last one lands, fan-out included), a backlog drain (messages
 * already fanned out, sent by a fresh dispatcher: the dispatcher alone) and a paced load (latency
 * from the event's commit to its arrival, p50/p95/p99).
 * Usage: node bench/webhooks.ts [--events 5000] [--endpoints 4] [--rate 200] [--seconds 5] [--backend sqlite|postgres]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { MODULE_MIGRATIONS } from '../src/app.ts';
import {
  appendEvents,
  type Database,
  type EventBus,
  type EventTables,
  InProcessBus,
  migrateAll,
  OutboxRelay,
  openDatabase,
} from '../src/platform/index.ts';
import { BACKENDS, type BackendName, createTestDatabase } from '../src/test-support/backends.ts';
import { createWebhookService } from '../src/webhooks/index.ts';

interface Stats {
  count: number;
  failures: number;
  firstAt: number;
  lastAt: number;
  latencies: number[];
}

// ---- the receiver (child process) ----------------------------------------------------------------
if (process.argv.includes('--receiver')) {
  let verifiers: Webhook[] = [];
  let stats: Stats = { count: 0, failures: 0, firstAt: 0, lastAt: 0, latencies: [] };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const index = Number(req.url?.split('/').pop());
      try {
        const payload = verifiers[index]!.verify(body, req.headers as Record<string, string>) as {
          data: { t: number };
        };
        stats.latencies.push(now - payload.data.t);
      } catch {
        stats.failures += 1;
      }
      stats.firstAt ||= now;
      stats.lastAt = now;
      stats.count += 1;
      res.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as { port: number }).port }));
  process.on('message', (m: { secrets?: string[]; stats?: boolean; reset?: boolean }) => {
    if (m.secrets) verifiers = m.secrets.map((s) => new Webhook(s));
    if (m.reset) stats = { count: 0, failures: 0, firstAt: 0, lastAt: 0, latencies: [] };
    if (m.stats) process.send?.({ stats });
  });
  process.on('disconnect', () => process.exit(0));
}

// ---- the platform side ---------------------------------------------------------------------------
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '5000' },
      endpoints: { type: 'string', default: '4' },
      rate: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '32' },
      backend: { type: 'string' },
    },
  });
  const backends = values.backend ? [values.backend as BackendName] : BACKENDS;
  const rows: string[] = [];
  for (const backend of backends) {
    rows.push(...(await run(backend, values)));
  }
  process.stdout.write(
    `\nNode ${process.version}, ${values.endpoints} endpoints (one app each), ${values.concurrency} deliveries in flight, ` +
      'receiver in a separate process verifying every signature\n\n' +
      '| backend | run | deliveries | deliveries/s | p50 ms | p95 ms | p99 ms | bad signatures |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- |\n' +
      `${rows.join('\n')}\n`,
  );
}

function startReceiver(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(new URL(import.meta.url).pathname, ['--receiver'], { stdio: 'inherit' });
  return new Promise((resolve) =>
    child.once('message', (m: { port: number }) => resolve({ child, port: m.port })),
  );
}

const ask = (child: ChildProcess, message: object): Promise<Stats | undefined> =>
  new Promise((resolve) => {
    if (!('stats' in message)) {
      child.send(message);
      return resolve(undefined);
    }
    child.once('message', (m: { stats: Stats }) => resolve(m.stats));
    child.send(message);
  });

const newService = (database: Database, bus: EventBus, concurrency: number) =>
  createWebhookService({
    database,
    config: {
      sandbox: true,
      masterKey: Buffer.alloc(32, 1),
      webhookConcurrency: concurrency,
      publicUrl: 'http://bench.local',
    },
    bus,
    recipients: { appsCoveringAccount: async () => [] },
    log: { info() {}, warn() {}, error: (data, message) => console.error(message, data) },
  });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(
  backend: BackendName,
  values: { events: string; endpoints: string; rate: string; seconds: string; concurrency: string },
): Promise<string[]> {
  const events = Number(values.events);
  const endpointCount = Number(values.endpoints);
  const { child, port } = await startReceiver();
  const testDb = await createTestDatabase(backend);
  const database = openDatabase(
    testDb.config.kind === 'postgres' ? { ...testDb.config, poolMax: 20 } : testDb.config,
  );
  const bus = new InProcessBus();
  const relay = new OutboxRelay(database, bus, { source: 'bench', onError: (err) => console.error(err) });
  const webhooks = newService(database, bus, Number(values.concurrency));
  const rows: string[] = [];
  try {
    await migrateAll(database, MODULE_MIGRATIONS);
    const apps = Array.from({ length: endpointCount }, (_, i) => `app_bench_${i}`);
    const secrets: string[] = [];
    for (const [i, clientId] of apps.entries()) {
      const endpoint = await webhooks.createEndpoint(clientId, {
        url: `http://127.0.0.1:${port}/hook/${i}`,
        eventTypes: ['payment.completed'],
      });
      secrets.push(endpoint.secret);
    }
    await ask(child, { secrets });
    await webhooks.start();
    relay.start();
    const outbox = database.schema<EventTables>('events');
    let n = 0;
    const append = (count: number) =>
      outbox.transaction().execute((trx) =>
        appendEvents(
          trx,
          Array.from({ length: count }, () => {
            const i = n++;
            return {
              type: 'payment.completed',
              subject: `payments/pay_${i}`,
              aggregate: `pay_${i}`,
              clientId: apps[i % apps.length]!,
              data: { payment_id: `pay_${i}`, amount: { amount: '100.00', currency: 'KES' }, t: Date.now() },
            };
          }),
        ),
      );
    const waitFor = async (count: number) => {
      for (;;) {
        const stats = (await ask(child, { stats: true }))!;
        if (stats.count >= count) return stats;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const row = (name: string, stats: Stats, seconds: number, latency = true) => {
      const sorted = [...stats.latencies].sort((x, y) => x - y);
      const ms = (p: number) => (latency ? String(percentile(sorted, p)) : '—');
      return `| ${backend} | ${name} | ${stats.count.toLocaleString('en')} | ${Math.round(stats.count / seconds).toLocaleString('en')} | ${ms(50)} | ${ms(95)} | ${ms(99)} | ${stats.failures} |`;
    };

    // Burst: all events committed at once (in transactions of 500); time until the last delivery.
    await ask(child, { reset: true });
    const started = Date.now();
    for (let left = events; left > 0; left -= 500) await append(Math.min(500, left));
    const burst = await waitFor(events);
    rows.push(row('burst', burst, (burst.lastAt - started) / 1000));

    // Backlog: messages fanned out while no dispatcher ran, then drained by a fresh dispatcher.
    await webhooks.stop();
    await webhooks.start({ dispatch: false });
    await ask(child, { reset: true });
    const messages = database.schema<{ messages: { status: string } }>('webhooks');
    for (let left = events; left > 0; left -= 500) await append(Math.min(500, left));
    for (;;) {
      const { pending } = await messages
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('pending'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      if (Number(pending) >= events) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const drainStart = Date.now();
    const drainer = newService(database, bus, Number(values.concurrency));
    await drainer.start({ fanOut: false });
    const drained = await waitFor(events);
    await drainer.stop();
    rows.push(row('backlog drain', drained, (drained.lastAt - drainStart) / 1000, false));
    await webhooks.stop();
    await webhooks.start();

    // Paced: `rate` events per second, one per transaction, for `seconds`.
    await ask(child, { reset: true });
    const rate = Number(values.rate);
    const total = rate * Number(values.seconds);
    const pacedStart = Date.now();
    for (let i = 0; i < total; i++) {
      const due = pacedStart + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await append(1);
    }
    const paced = await waitFor(total);
    rows.push(row(`paced ${rate}/s`, paced, (paced.lastAt - pacedStart) / 1000));
    return rows;
  } finally {
    await relay.stop();
    await webhooks.stop();
    await bus.close();
    await database.close();
    await testDb.drop();
    child.disconnect();
  }
}

if (!process.argv.includes('--receiver')) await main();
