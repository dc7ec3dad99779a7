/**
 * @module Test fixture for webhooks: the real app on a real loopback port with its own services (so
 * the test can append outbox events in the app's database, which the app's relay then publishes),
 * a shortened webhook retry schedule, and `restart()` on the same database and port — as a process
 * would after a crash or a deploy.
 */
import { buildApp } from '../app.ts';
import {
  appendEvents,
  type Config,
  EVENTS_SCHEMA,
  type EventTables,
  loadConfig,
  type NewEvent,
  openServices,
  type PlatformServices,
} from '../platform/index.ts';
import type { WebhookTuning } from '../webhooks/index.ts';
import { TEST_MASTER_KEY } from './app.ts';
import { type BackendName, createTestDatabase, type TestDatabase } from './backends.ts';
import { freePort } from './server.ts';

export interface WebhookTestApp {
  readonly app: Awaited<ReturnType<typeof buildApp>>;
  readonly url: string;
  readonly config: Config;
  readonly services: PlatformServices;
  /** Appends events to the outbox in one transaction (the app's relay publishes them). */
  emit(events: readonly NewEvent[]): Promise<string[]>;
  /** Stops this app and starts another on the same database and port. */
  restart(tuning?: WebhookTuning): Promise<WebhookTestApp>;
  /** Stops the app, keeping the database. */
  stop(): Promise<void>;
  /** Stops the app and drops the database. */
  close(): Promise<void>;
}

export async function startWebhookApp(
  backend: BackendName,
  options: { tuning?: WebhookTuning; env?: Record<string, string> } = {},
  reuse?: { testDb: TestDatabase; port: number },
): Promise<WebhookTestApp> {
  const testDb = reuse?.testDb ?? (await createTestDatabase(backend));
  const port = reuse?.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      WEKEZA_SANDBOX: 'true',
      WEKEZA_SEED_TRANSACTIONS: '300',
      WEKEZA_MASTER_KEY: TEST_MASTER_KEY,
      PORT: String(port),
      PUBLIC_URL: url,
      ...options.env,
    },
    { database: testDb.config },
  );
  const services = openServices(config);
  const app = await buildApp(config, { services, webhooks: options.tuning }).catch(async (err) => {
    await services.close();
    if (!reuse) await testDb.drop();
    throw err;
  });
  await app.listen({ port, host: '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await services.close();
  };
  return {
    app,
    url,
    config,
    services,
    emit: (events) =>
      services.database
        .schema<EventTables>(EVENTS_SCHEMA)
        .transaction()
        .execute((trx) => appendEvents(trx, events)),
    async restart(tuning = options.tuning) {
      await stop();
      return startWebhookApp(backend, { ...options, tuning }, { testDb, port });
    },
    stop,
    async close() {
      await stop();
      await testDb.drop();
    },
  };
}
