import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Lookup } from '../platform/index.ts';
import { type CloudEvent, eventsMigrations, InProcessBus, newId } from '../platform/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { TestReceiver } from '../test-support/receiver.ts';
import { claimDue } from './claim.ts';
import { createWebhooksContext, type WebhookTuning } from './context.ts';
import { type Attempt, createWebhookService, type WebhookService, webhooksMigrations } from './index.ts';
import { pendingMessage } from './mappers.ts';
import type { WebhookTables } from './tables.ts';

const KEY = Buffer.alloc(32, 7);
const silent = { info() {}, warn() {}, error() {} };
const FAST: WebhookTuning = { schedule: [0, 50, 50, 50], jitter: 0, pollIntervalMs: 20, timeoutMs: 2000 };

const event = (clientId: string, type = 'payment.completed'): CloudEvent => ({
  specversion: '1.0',
  id: newId('evt'),
  source: 'https://bank.example',
  type,
  subject: 'payments/pay_1',
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  dataschema: `urn:wekeza:events:${type}:v1`,
  clientid: clientId,
  sequence: '1',
  data: { id: 'pay_1' },
});

const until = async <T>(check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

eachBackend('webhook dispatcher', [eventsMigrations, webhooksMigrations], (ctx) => {
  let receiver: TestReceiver;
  const running: WebhookService[] = [];

  before(async () => {
    receiver = await TestReceiver.start();
  });
  after(async () => {
    for (const s of running) await s.stop();
    await receiver.close();
  });

  /** A service of its own for each test: dispatchers on one database share its due messages. */
  async function service(sandbox: boolean, tuning: WebhookTuning = {}) {
    for (const s of running.splice(0)) await s.stop();
    const bus = new InProcessBus();
    const webhooks = createWebhookService({
      database: ctx.database,
      config: { sandbox, masterKey: KEY, webhookConcurrency: 8, publicUrl: 'https://bank.example' },
      bus,
      recipients: { appsCoveringAccount: async () => [] },
      log: silent,
      tuning: { ...FAST, ...tuning },
    });
    await webhooks.start();
    running.push(webhooks);
    return { webhooks, publish: (e: CloudEvent) => bus.publish([e]) };
  }

  const app = () => newId('app');
  const attempts = async (webhooks: WebhookService, clientId: string, endpointId: string, n = 1) =>
    until(async () => {
      const { attempts } = await webhooks.listAttempts(clientId, endpointId, { limit: 50 });
      return attempts.length >= n && attempts;
    });

  test('concurrent claims take disjoint sets of due messages (FOR UPDATE SKIP LOCKED on PostgreSQL)', async () => {
    const db = ctx.database.schema<WebhookTables>('webhooks');
    const endpointId = newId('whe');
    const at = new Date(Date.now() - 1000).toISOString();
    await db
      .insertInto('endpoints')
      .values({
        id: endpointId,
        client_id: 'app_claims',
        url: 'https://hooks.example.com',
        description: '',
        event_types: '[]',
        status: 'enabled',
        disabled_reason: null,
        secret_box: 'x',
        previous_secret_box: null,
        previous_secret_expires_at: null,
        failing_since: null,
        warned_at: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    const due = new Date(at);
    await db
      .insertInto('messages')
      .values(
        Array.from({ length: 60 }, () =>
          pendingMessage(
            {
              endpoint_id: endpointId,
              client_id: 'app_claims',
              event_id: newId('evt'),
              event_type: 'payment.completed',
              payload: '{}',
            },
            due,
          ),
        ),
      )
      .execute();
    const wctx = createWebhooksContext(
      ctx.database,
      { sandbox: true, masterKey: KEY, webhookConcurrency: 8, publicUrl: 'https://bank.example' },
      silent,
      { leaseMs: 300 },
    );
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimDue(wctx, 15, randomUUID())));
    const claimed = claims.flat().map((m) => m.id);
    assert.equal(claimed.length, 60);
    assert.equal(new Set(claimed).size, 60, 'no message claimed twice');
    assert.deepEqual((await claimDue(wctx, 100, randomUUID())).length, 0, 'leased messages are not due');
    // A claimer that died: once the lease ends, the messages are claimed again (at least once).
    await new Promise((r) => setTimeout(r, 350));
    assert.equal((await claimDue(wctx, 100, randomUUID())).length, 60);
    await db.deleteFrom('messages').where('endpoint_id', '=', endpointId).execute();
  });

  test('outside sandbox mode a name resolving to a loopback address is refused after resolution', async () => {
    const lookups: string[] = [];
    const lookup: Lookup = async (host) => {
      lookups.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const { webhooks, publish } = await service(false, { lookup, schedule: [0] });
    const clientId = app();
    const endpoint = await webhooks.createEndpoint(clientId, {
      url: `https://hooks.example.com:${receiver.port}/ssrf`,
      eventTypes: ['payment.completed'],
    });
    await publish(event(clientId));
    const [attempt] = await attempts(webhooks, clientId, endpoint.id);
    assert.equal(attempt!.statusCode, null);
    assert.match(
      attempt!.error ?? '',
      /^refused: hooks\.example\.com resolves to 127\.0\.0\.1, a loopback address$/,
    );
    assert.deepEqual(lookups, ['hooks.example.com']);
    assert.equal(receiver.at('/ssrf').length, 0, 'nothing reached the address');
    await assert.rejects(
      webhooks.createEndpoint(clientId, { url: receiver.url('/x'), eventTypes: ['payment.completed'] }),
      { code: 'INVALID_WEBHOOK_URL' },
    );
  });

  test('the attempt connects to the address it checked: the name is resolved once, never again', async () => {
    let lookups = 0;
    const lookup: Lookup = async () => {
      lookups += 1;
      // A rebinding resolver: the first answer is safe, any later one would point elsewhere.
      if (lookups > 1) throw new Error('resolved twice');
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const { webhooks, publish } = await service(true, { lookup });
    const clientId = app();
    const endpoint = await webhooks.createEndpoint(clientId, {
      url: `http://localhost:${receiver.port}/pinned`,
      eventTypes: ['payment.completed'],
    });
    await publish(event(clientId));
    const [attempt] = await attempts(webhooks, clientId, endpoint.id);
    assert.equal(attempt!.succeeded, true, String(attempt!.error));
    assert.equal(lookups, 1);
    assert.equal(receiver.at('/pinned')[0]?.headers.host, `localhost:${receiver.port}`);
  });

  test('redirects are not followed; only 4 KiB of an answer is read; a slow receiver times out', async () => {
    const { webhooks, publish } = await service(true, { schedule: [0], timeoutMs: 300 });
    receiver.script = (r) =>
      r.path === '/redirect'
        ? { status: 302, headers: { location: receiver.url('/elsewhere') } }
        : r.path === '/big'
          ? { status: 200, body: 'x'.repeat(100_000) }
          : r.path === '/slow'
            ? 'hang'
            : { status: 204 };
    const clientId = app();
    const make = (path: string) =>
      webhooks.createEndpoint(clientId, { url: receiver.url(path), eventTypes: ['payment.completed'] });
    const [redirect, big, slow] = [await make('/redirect'), await make('/big'), await make('/slow')];
    await publish(event(clientId));
    const one = async (id: string): Promise<Attempt> => (await attempts(webhooks, clientId, id))[0]!;
    const [r, b, s] = await Promise.all([one(redirect.id), one(big.id), one(slow.id)]);
    assert.equal(r.statusCode, 302);
    assert.equal(r.succeeded, false);
    assert.equal(r.messageStatus, 'failed');
    assert.equal(receiver.at('/elsewhere').length, 0);
    assert.equal(b.succeeded, true);
    assert.equal(b.responseSnippet?.length, 4096);
    assert.equal(s.statusCode, null);
    assert.match(s.error ?? '', /timed out after 300 ms/);
    assert.ok(s.latencyMs >= 290 && s.latencyMs < 2000, String(s.latencyMs));
    receiver.script = () => ({ status: 204 });
  });

  test("a receiver's Retry-After is honoured", async () => {
    const { webhooks, publish } = await service(true);
    receiver.script = (r, n) =>
      r.path === '/later' && n === 0 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 204 };
    const clientId = app();
    const endpoint = await webhooks.createEndpoint(clientId, {
      url: receiver.url('/later'),
      eventTypes: ['payment.completed'],
    });
    await publish(event(clientId));
    const log = await attempts(webhooks, clientId, endpoint.id, 2);
    const [second, first] = log;
    assert.deepEqual([first!.statusCode, second!.statusCode], [503, 204], String(second!.error));
    const gap = Date.parse(second!.attemptedAt) - Date.parse(first!.attemptedAt);
    assert.ok(gap >= 1000, `retried after ${gap} ms, not the 50 ms of the schedule`);
    assert.equal(first!.messageId, second!.messageId);
  });

  test('the same event published twice fans out once per endpoint', async () => {
    const { webhooks, publish } = await service(true);
    const clientId = app();
    const endpoint = await webhooks.createEndpoint(clientId, {
      url: receiver.url('/once'),
      eventTypes: ['payment.completed'],
    });
    const e = event(clientId);
    await publish(e);
    await publish(e);
    await attempts(webhooks, clientId, endpoint.id);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(receiver.at('/once').length, 1);
  });
});
