import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NewEvent } from '../platform/index.ts';
import { BACKENDS } from '../test-support/backends.ts';
import { type Fintech, onboardFintech } from '../test-support/fintech.ts';
import { TestReceiver } from '../test-support/receiver.ts';
import { startWebhookApp, type WebhookTestApp } from '../test-support/webhook-app.ts';

const REDIRECT_URI = 'https://fintech.example/callback';
const SCOPES = ['openid', 'accounts.read', 'transactions.read', 'payments.write'];
type Json = Record<string, unknown>;

const call = async (baseUrl: string, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
};

const payment = (fintech: Fintech, id: string): NewEvent => ({
  type: 'payment.completed',
  subject: `payments/${id}`,
  aggregate: id,
  clientId: fintech.clientId,
  data: { payment_id: id },
});

for (const backend of BACKENDS) {
  describe(`webhook deliveries across restarts [${backend}]`, () => {
    let receiver: TestReceiver;
    let t: WebhookTestApp;
    before(async () => {
      receiver = await TestReceiver.start();
    });
    after(async () => {
      await t?.close();
      await receiver?.close();
    });

    test('stopped with deliveries pending and in flight, a restarted app delivers them all, same webhook-id', async () => {
      t = await startWebhookApp(backend, {
        tuning: { schedule: [0, 400, 400, 400, 400, 400], jitter: 0, pollIntervalMs: 50 },
      });
      const fintech = await onboardFintech(t.url, {
        email: 'crash@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
      });
      const created = await call(t.url, fintech.appToken, 'POST', '/v1/webhook-endpoints', {
        url: receiver.url('/crash'),
        event_types: ['payment.completed'],
      });
      const endpointId = String(created.body.id);
      // Down, and one request that never gets an answer.
      receiver.script = (r) => (r.body.includes('pay_hang') ? 'hang' : { status: 503 });
      const ids = ['pay_c1', 'pay_c2', 'pay_c3', 'pay_c4', 'pay_c5', 'pay_hang'];
      await t.emit(ids.map((id) => payment(fintech, id)));
      await receiver.waitFor((r) => new Set(r.map((x) => x.id)).size >= 6);
      const seen = new Map(
        receiver.received.map((r) => [JSON.parse(r.body).data.payment_id as string, r.id]),
      );
      // Two more events committed just before the stop: maybe published, maybe still in the outbox.
      await t.emit([payment(fintech, 'pay_late1'), payment(fintech, 'pay_late2')]);
      const stopping = Date.now();
      const app = t;
      t = await app.restart().then(async (restarted) => {
        assert.ok(Date.now() - stopping < 5000, 'the stop did not wait for the hanging receiver');
        return restarted;
      });

      // Back up: after the restart every message arrives, each answered once, under its webhook-id.
      const restartedAt = Date.now();
      receiver.script = () => ({ status: 204 });
      const all = [...ids, 'pay_late1', 'pay_late2'];
      const delivered = () =>
        receiver.received.filter((r) => r.at >= restartedAt).map((r) => JSON.parse(r.body).data.payment_id);
      await receiver.waitFor(() => all.every((id) => delivered().includes(id)));
      await new Promise((r) => setTimeout(r, 600));
      assert.deepEqual(delivered().sort(), [...all].sort(), 'each delivered once after the restart');
      for (const r of receiver.received.filter((x) => x.at >= restartedAt)) {
        const id = JSON.parse(r.body).data.payment_id as string;
        if (seen.has(id)) assert.equal(r.id, seen.get(id), `${id} keeps its webhook-id`);
      }
      // Outcomes are recorded just after the answers: wait for the log to show every delivery.
      let attempts: Json[] = [];
      for (let i = 0; i < 200; i++) {
        const log = await call(
          t.url,
          fintech.appToken,
          'GET',
          `/v1/webhook-endpoints/${endpointId}/deliveries?limit=100`,
        );
        attempts = log.body.data as Json[];
        if (attempts.filter((a) => a.succeeded).length >= all.length) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(attempts.filter((a) => a.succeeded).length, all.length);
      assert.ok(attempts.every((a) => a.message_status === 'delivered'));
      const hang = attempts.filter((a) => a.message_id === seen.get('pay_hang'));
      assert.deepEqual(
        hang.map((a) => [a.attempt, a.status_code]),
        [[1, 204]],
        'the attempt cut short by the stop is not counted',
      );
    });
  });

  describe(`endpoint health and developer notifications [${backend}]`, () => {
    let receiver: TestReceiver;
    let t: WebhookTestApp;
    let a: Fintech;
    let b: Fintech;
    before(async () => {
      receiver = await TestReceiver.start();
      t = await startWebhookApp(backend, {
        tuning: {
          schedule: Array.from({ length: 40 }, (_, i) => (i === 0 ? 0 : 50)),
          jitter: 0,
          pollIntervalMs: 20,
          warnAfterMs: 300,
          disableAfterMs: 900,
        },
      });
      a = await onboardFintech(t.url, {
        email: 'sick@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
      });
      b = await onboardFintech(t.url, {
        email: 'well@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
      });
    });
    after(async () => {
      await t?.close();
      await receiver?.close();
    });

    test('an endpoint failing "five days" is disabled; its developer is told before, then, and on recovery', async () => {
      receiver.script = (r) => (r.path === '/sick' ? { status: 500 } : { status: 204 });
      const created = await call(t.url, a.appToken, 'POST', '/v1/webhook-endpoints', {
        url: receiver.url('/sick'),
        event_types: ['payment.completed'],
      });
      const id = String(created.body.id);
      await t.emit([payment(a, 'pay_sick')]);
      const deadline = Date.now() + 10_000;
      let endpoint = (await call(t.url, a.appToken, 'GET', `/v1/webhook-endpoints/${id}`)).body;
      while (endpoint.status !== 'disabled' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        endpoint = (await call(t.url, a.appToken, 'GET', `/v1/webhook-endpoints/${id}`)).body;
      }
      assert.deepEqual([endpoint.status, endpoint.disabled_reason], ['disabled', 'failing']);
      const count = receiver.at('/sick').length;
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(receiver.at('/sick').length, count, 'nothing more is sent to a disabled endpoint');

      const notes = async (token: string, query = '') =>
        (await call(t.url, token, 'GET', `/developer/notifications${query}`)).body.data as Json[];
      const told = await notes(a.developerToken);
      assert.deepEqual(
        told.map((n) => [n.type, n.subject, n.client_id]),
        [
          ['webhook_endpoint.disabled', `webhook-endpoints/${id}`, a.clientId],
          ['webhook_endpoint.failing', `webhook-endpoints/${id}`, a.clientId],
        ],
      );
      assert.match(String(told[1]!.message), /will be disabled at/);
      assert.deepEqual(await notes(b.developerToken), []);
      const foreign = await call(
        t.url,
        b.developerToken,
        'GET',
        `/developer/notifications?client_id=${a.clientId}`,
      );
      assert.equal(foreign.status, 404);
      assert.equal((await call(t.url, 'wdt_nonsense', 'GET', '/developer/notifications')).status, 401);

      // Fixed and enabled again: the next delivery succeeds and the developer hears it recovered.
      receiver.script = () => ({ status: 204 });
      await call(t.url, a.appToken, 'PATCH', `/v1/webhook-endpoints/${id}`, { status: 'enabled' });
      assert.equal((await call(t.url, a.appToken, 'POST', `/v1/webhook-endpoints/${id}/test`)).status, 202);
      const until = Date.now() + 10_000;
      while (
        (await notes(a.developerToken))[0]?.type !== 'webhook_endpoint.recovered' &&
        Date.now() < until
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const latest = await notes(a.developerToken, `?client_id=${a.clientId}&limit=1`);
      assert.deepEqual(
        latest.map((n) => n.type),
        ['webhook_endpoint.recovered'],
      );
      const healthy = (await call(t.url, a.appToken, 'GET', `/v1/webhook-endpoints/${id}`)).body;
      assert.deepEqual([healthy.status, healthy.failing_since], ['enabled', null]);
    });
  });
}
