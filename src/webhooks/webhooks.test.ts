import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { createDeveloperService } from '../developers/index.ts';
import { EVENT_TYPES, type NewEvent } from '../platform/index.ts';
import { BACKENDS } from '../test-support/backends.ts';
import { customerToken, type Fintech, onboardFintech, sandboxCustomers } from '../test-support/fintech.ts';
import { type Received, TestReceiver } from '../test-support/receiver.ts';
import { startWebhookApp, type WebhookTestApp } from '../test-support/webhook-app.ts';

const REDIRECT_URI = 'https://fintech.example/callback';
const SCOPES = ['openid', 'accounts.read', 'transactions.read', 'payments.write'];

interface Json {
  [key: string]: unknown;
}
interface EndpointJson extends Json {
  id: string;
  secret: string;
  status: string;
}

const verify = (secret: string, r: Received) =>
  new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
    type: string;
    timestamp: string;
    data: Record<string, unknown>;
  };

for (const backend of BACKENDS) {
  describe(`webhooks over HTTP [${backend}]`, () => {
    let t: WebhookTestApp;
    let receiver: TestReceiver;
    let a: Fintech;
    let b: Fintech;
    let wanjikuAccount: string;

    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${t.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as Json & EndpointJson };
    };
    const subscribe = async (fintech: Fintech, path: string, types: readonly string[] = EVENT_TYPES) => {
      const res = await call(fintech.appToken, 'POST', '/v1/webhook-endpoints', {
        url: receiver.url(path),
        event_types: types,
        description: `test ${path}`,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    /** The endpoint's delivery log once it holds at least `n` attempts (recorded after the answer). */
    const deliveries = async (token: string, endpointId: string, n: number) => {
      for (let i = 0; ; i++) {
        const log = await call(token, 'GET', `/v1/webhook-endpoints/${endpointId}/deliveries`);
        const data = log.body.data as Json[];
        if (data.length >= n || i > 200) return data;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const paymentEvent = (fintech: Fintech, type: string, id: string): NewEvent => ({
      type,
      subject: `payments/${id}`,
      aggregate: id,
      clientId: fintech.clientId,
      data: { payment_id: id, status: type.split('.')[1] },
    });

    before(async () => {
      receiver = await TestReceiver.start();
      t = await startWebhookApp(backend, {
        tuning: { schedule: [0, 100, 100, 100, 100], jitter: 0, pollIntervalMs: 50 },
      });
      a = await onboardFintech(t.url, {
        email: 'a@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
      });
      b = await onboardFintech(t.url, {
        email: 'b@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
      });
      const data = await sandboxCustomers(t.url);
      wanjikuAccount = data
        .find((c) => c.username === 'wanjiku')!
        .accounts.find((x) => x.currency === 'KES')!.id;
    });
    after(async () => {
      await t?.close();
      await receiver?.close();
    });

    test("event types need their scopes in the app's token: payment.* payments.write, transaction.posted transactions.read", async () => {
      // Granted every scope, but holding a token for accounts only.
      const narrow = await onboardFintech(t.url, {
        email: 'narrow@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
        consentScopes: ['accounts.read'],
      });
      const created = await subscribe(narrow, '/narrow', ['consent.revoked']);
      const refused = await call(narrow.appToken, 'POST', '/v1/webhook-endpoints', {
        url: receiver.url('/narrow-all'),
        event_types: ['payment.completed', 'consent.revoked', 'transaction.posted'],
      });
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'INSUFFICIENT_SCOPE');
      assert.deepEqual(
        (refused.body.errors as { path: string }[]).map((e) => e.path),
        ['/body/event_types/0', '/body/event_types/2'],
      );
      const patched = await call(narrow.appToken, 'PATCH', `/v1/webhook-endpoints/${created.id}`, {
        event_types: ['consent.revoked', 'payment.rejected'],
      });
      assert.equal(patched.status, 403, JSON.stringify(patched.body));
      const list = await call(narrow.appToken, 'GET', '/v1/webhook-endpoints');
      assert.deepEqual(
        (list.body.data as EndpointJson[]).map((e) => [e.id, e.event_types]),
        [[created.id, ['consent.revoked']]],
        'nothing created or changed by the refused calls',
      );
      // Nor does it read those events from the feed: they are left out, and asking for them is 403.
      await t.emit([
        paymentEvent(narrow, 'payment.completed', 'pay_narrow'),
        paymentEvent(narrow, 'consent.revoked', 'cns_narrow'),
      ]);
      let feed = await call(narrow.appToken, 'GET', '/v1/events?limit=500');
      for (let i = 0; i < 100 && (feed.body.data as Json[]).length < 1; i++) {
        await new Promise((r) => setTimeout(r, 20));
        feed = await call(narrow.appToken, 'GET', '/v1/events?limit=500');
      }
      assert.deepEqual(
        (feed.body.data as Json[]).map((e) => e.type),
        ['consent.revoked'],
      );
      const asked = await call(narrow.appToken, 'GET', '/v1/events?types=consent.revoked,payment.completed');
      assert.deepEqual([asked.status, asked.body.code], [403, 'INSUFFICIENT_SCOPE']);
      assert.deepEqual(
        (asked.body.errors as { path: string }[]).map((e) => e.path),
        ['/query/types'],
      );
    });

    test('an app manages its endpoints with its client token; the secret shows once; bad input is a problem', async () => {
      const created = await subscribe(a, '/manage', ['payment.completed']);
      assert.match(created.id, /^whe_[0-9A-Z]{26}$/);
      assert.match(created.secret, /^whsec_[A-Za-z0-9+/=]{40,}$/);
      assert.equal(created.status, 'enabled');
      const one = await call(a.appToken, 'GET', `/v1/webhook-endpoints/${created.id}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.secret, undefined, 'the secret is shown only on creation');
      const list = await call(a.appToken, 'GET', '/v1/webhook-endpoints');
      assert.ok((list.body.data as EndpointJson[]).some((e) => e.id === created.id));

      const patched = await call(a.appToken, 'PATCH', `/v1/webhook-endpoints/${created.id}`, {
        event_types: ['payment.completed', 'payment.rejected'],
        description: 'payments',
      });
      assert.equal(patched.status, 200);
      assert.deepEqual(patched.body.event_types, ['payment.completed', 'payment.rejected']);

      for (const [body, code, path] of [
        [
          { url: 'ftp://x.example/h', event_types: ['payment.completed'] },
          'INVALID_WEBHOOK_URL',
          '/body/url',
        ],
        [
          { url: 'http://hooks.example.com/h', event_types: ['payment.completed'] },
          'INVALID_WEBHOOK_URL',
          '/body/url',
        ],
        [
          { url: 'https://hooks.example.com/h', event_types: ['payment.exploded'] },
          'VALIDATION_FAILED',
          '/body/event_types/0',
        ],
        [{ url: 'https://hooks.example.com/h', event_types: [] }, 'VALIDATION_FAILED', '/body/event_types'],
        [{ url: 'https://hooks.example.com/h' }, 'VALIDATION_FAILED', '/body/event_types'],
        [
          { url: 'https://hooks.example.com/h', event_types: ['payment.completed'], colour: 1 },
          'VALIDATION_FAILED',
          '/body/colour',
        ],
      ] as const) {
        const res = await call(a.appToken, 'POST', '/v1/webhook-endpoints', body);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.body.code, code);
        assert.ok(
          (res.body.errors as { path: string }[]).some((e) => e.path === path),
          JSON.stringify(res.body),
        );
      }
      const empty = await call(a.appToken, 'PATCH', `/v1/webhook-endpoints/${created.id}`, {});
      assert.equal(empty.body.code, 'VALIDATION_FAILED');

      // Another app's endpoint does not exist for it, whatever it tries.
      for (const [method, path] of [
        ['GET', `/v1/webhook-endpoints/${created.id}`],
        ['PATCH', `/v1/webhook-endpoints/${created.id}`],
        ['DELETE', `/v1/webhook-endpoints/${created.id}`],
        ['POST', `/v1/webhook-endpoints/${created.id}/rotate-secret`],
        ['POST', `/v1/webhook-endpoints/${created.id}/test`],
        ['GET', `/v1/webhook-endpoints/${created.id}/deliveries`],
      ] as const) {
        const res = await call(
          b.appToken,
          method,
          path,
          method === 'PATCH' ? { description: 'mine' } : undefined,
        );
        assert.equal(res.status, 404, `${method} ${path}`);
        assert.equal(res.body.code, 'WEBHOOK_ENDPOINT_NOT_FOUND');
      }
      assert.equal((await call(a.appToken, 'DELETE', `/v1/webhook-endpoints/${created.id}`)).status, 204);
      assert.equal((await call(a.appToken, 'GET', `/v1/webhook-endpoints/${created.id}`)).status, 404);
      const anonymous = await fetch(`${t.url}/v1/webhook-endpoints`);
      assert.equal(anonymous.status, 401);
    });

    test('a payment.completed arrives within a second, signed and verifiable with standardwebhooks', async () => {
      const endpoint = await subscribe(a, '/a-payments', ['payment.completed']);
      const started = Date.now();
      const [eventId] = await t.emit([paymentEvent(a, 'payment.completed', 'pay_fast')]);
      await receiver.waitFor(() => receiver.at('/a-payments').length > 0);
      const arrived = receiver.at('/a-payments')[0]!;
      assert.ok(arrived.at - started < 1000, `took ${arrived.at - started} ms`);
      const payload = verify(endpoint.secret, arrived);
      assert.deepEqual(Object.keys(payload).sort(), ['data', 'timestamp', 'type']);
      assert.equal(payload.type, 'payment.completed');
      assert.deepEqual(payload.data, { payment_id: 'pay_fast', status: 'completed' });
      assert.match(String(arrived.headers['webhook-id']), /^msg_/);
      assert.match(String(arrived.headers['webhook-signature']), /^v1,[A-Za-z0-9+/=]+$/);
      assert.throws(() => verify(`whsec_${Buffer.alloc(32, 9).toString('base64')}`, arrived), /signature/);
      const [attempt] = await deliveries(a.appToken, endpoint.id, 1);
      assert.equal(attempt?.status_code, 204);
      assert.equal(attempt?.succeeded, true);
      assert.equal(attempt?.event_id, eventId);
      assert.equal(attempt?.message_id, arrived.headers['webhook-id']);
      assert.equal(typeof attempt?.latency_ms, 'number');
    });

    test('each event type arrives; transaction.posted only at the apps whose consents cover the account', async () => {
      const all = await subscribe(a, '/a-all');
      const other = await subscribe(b, '/b-all');
      // A reads the account's transactions; B only its balance: B gets no transaction.posted.
      await customerToken(t.url, a, {
        scopes: ['accounts.read', 'transactions.read'],
        accountIds: [wanjikuAccount],
        redirectUri: REDIRECT_URI,
      });
      await customerToken(t.url, b, {
        scopes: ['accounts.read'],
        accountIds: [wanjikuAccount],
        redirectUri: REDIRECT_URI,
      });
      const types = EVENT_TYPES.filter((type) => type !== 'transaction.posted');
      await t.emit(types.map((type, i) => paymentEvent(a, type, `pay_all_${i}`)));
      const credit = await fetch(`${t.url}/sandbox/accounts/${wanjikuAccount}/credit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount: { amount: '250.00', currency: 'KES' }, counterparty: 'Achieng' }),
      });
      assert.equal(credit.status, 201);
      const arrivedTypes = () => new Set(receiver.at('/a-all').map((r) => r.type));
      await receiver.waitFor(() => EVENT_TYPES.every((type) => arrivedTypes().has(type)));
      for (const r of receiver.at('/a-all')) verify(all.secret, r);
      const posted = receiver.at('/a-all').find((r) => r.type === 'transaction.posted')!;
      const data = verify(all.secret, posted).data;
      assert.equal(data.account_id, wanjikuAccount);
      assert.deepEqual(data.amount, { amount: '250.00', currency: 'KES' });
      // B's own consent events reach B; nothing of A's does, and no transaction.posted.
      await receiver.waitFor(() => receiver.at('/b-all').some((r) => r.type === 'consent.authorized'));
      await new Promise((r) => setTimeout(r, 300));
      for (const r of receiver.at('/b-all')) {
        const payload = verify(other.secret, r);
        assert.ok(payload.type.startsWith('consent.'), payload.type);
        assert.ok(!String(payload.data.consent_id).includes('pay_'), 'only its own consents');
      }
    });

    test("revoking a consent delivers consent.revoked; one app never receives another app's events", async () => {
      await subscribe(a, '/a-consents', ['consent.authorized', 'consent.revoked']);
      await subscribe(b, '/b-consents', ['consent.authorized', 'consent.revoked']);
      const { consentId } = await customerToken(t.url, a, {
        scopes: ['accounts.read'],
        accountIds: [wanjikuAccount],
        redirectUri: REDIRECT_URI,
      });
      const revoked = await call(a.appToken, 'DELETE', `/v1/consents/${consentId}`);
      assert.equal(revoked.status, 200);
      await receiver.waitFor(() =>
        receiver.at('/a-consents').some((r) => r.type === 'consent.revoked' && r.body.includes(consentId)),
      );
      const mine = receiver
        .at('/a-consents')
        .filter((r) => r.body.includes(consentId))
        .map((r) => r.type);
      assert.deepEqual(mine, ['consent.authorized', 'consent.revoked']);
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(!receiver.at('/b-consents').some((r) => r.body.includes(consentId)));
    });

    test('a receiver that fails twice then succeeds gets the event on the third attempt, same webhook-id', async () => {
      const endpoint = await subscribe(a, '/flaky', ['payment.rejected']);
      receiver.script = (r, n) =>
        r.path === '/flaky' && n < 2 ? { status: 500, body: 'down' } : { status: 204 };
      await t.emit([paymentEvent(a, 'payment.rejected', 'pay_flaky')]);
      await receiver.waitFor(() => receiver.at('/flaky').length >= 3);
      await new Promise((r) => setTimeout(r, 300));
      const got = receiver.at('/flaky');
      assert.equal(got.length, 3, 'no fourth attempt after the success');
      assert.equal(new Set(got.map((r) => r.id)).size, 1);
      for (const r of got) verify(endpoint.secret, r);
      const attempts = (await deliveries(a.appToken, endpoint.id, 3)).reverse();
      assert.deepEqual(
        attempts.map((x) => [x.attempt, x.status_code, x.succeeded, x.response_snippet]),
        [
          [1, 500, false, 'down'],
          [2, 500, false, 'down'],
          [3, 204, true, null],
        ],
      );
      assert.ok(attempts.every((x) => x.message_status === 'delivered' && x.next_attempt_at === null));
      receiver.script = () => ({ status: 204 });
    });

    test('after a rotation the old and the new secret both verify until the overlap ends', async () => {
      const endpoint = await subscribe(a, '/rotate', ['payment.completed']);
      const rotated = await call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`);
      assert.equal(rotated.status, 200);
      const newSecret = rotated.body.secret;
      assert.notEqual(newSecret, endpoint.secret);
      const overlapEnds = Date.parse(String(rotated.body.previous_secret_expires_at));
      assert.ok(Math.abs(overlapEnds - Date.now() - 86_400_000) < 60_000, 'a 24-hour overlap by default');
      assert.equal((await call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`)).status, 202);
      await receiver.waitFor(() => receiver.at('/rotate').length >= 1);
      const during = receiver.at('/rotate')[0];
      assert.equal(String(during!.headers['webhook-signature']).split(' ').length, 2);
      assert.equal(verify(endpoint.secret, during!).type, 'webhook.test');
      assert.equal(verify(newSecret, during!).type, 'webhook.test');

      const again = await call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {
        overlap_seconds: 0,
      });
      assert.equal(again.body.previous_secret_expires_at, null);
      await call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`);
      await receiver.waitFor(() => receiver.at('/rotate').length >= 2);
      const afterwards = receiver.at('/rotate')[1]!;
      verify(again.body.secret, afterwards);
      assert.throws(() => verify(newSecret, afterwards));
      assert.throws(() => verify(endpoint.secret, afterwards));
      const bad = await call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {
        overlap_seconds: -1,
      });
      assert.equal(bad.body.code, 'VALIDATION_FAILED');
    });

    test('rotations at once happen one after the other: each secret they answer signs', async () => {
      const endpoint = await subscribe(a, '/rotate-twice', ['payment.completed']);
      const rotations = await Promise.all(
        [1, 2].map(() => call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`)),
      );
      for (const r of rotations) assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal((await call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`)).status, 202);
      await receiver.waitFor(() => receiver.at('/rotate-twice').length >= 1);
      const delivered = receiver.at('/rotate-twice')[0]!;
      for (const r of rotations) assert.equal(verify(String(r.body.secret), delivered).type, 'webhook.test');
      assert.throws(() => verify(endpoint.secret, delivered), 'the secret from before both has stopped');
    });

    test('creations at once stop at the limit of 20 endpoints per app', async () => {
      const c = await onboardFintech(t.url, {
        email: 'limit@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
      });
      const created = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          call(c.appToken, 'POST', '/v1/webhook-endpoints', {
            url: receiver.url(`/limit-${i}`),
            event_types: ['payment.completed'],
          }),
        ),
      );
      assert.equal(created.filter((r) => r.status === 201).length, 20);
      for (const r of created.filter((x) => x.status !== 201)) {
        assert.deepEqual([r.status, r.body.code], [409, 'WEBHOOK_ENDPOINT_LIMIT']);
      }
      const listed = await call(c.appToken, 'GET', '/v1/webhook-endpoints');
      assert.equal((listed.body.data as unknown[]).length, 20);
    });

    test('a disabled endpoint receives nothing, and cannot be sent a test; enabled again, it receives', async () => {
      const endpoint = await subscribe(a, '/disabled', ['payment.created']);
      const witness = await subscribe(a, '/witness', ['payment.created']);
      const off = await call(a.appToken, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
        status: 'disabled',
      });
      assert.deepEqual([off.body.status, off.body.disabled_reason], ['disabled', 'app']);
      await t.emit([paymentEvent(a, 'payment.created', 'pay_off')]);
      await receiver.waitFor(() => receiver.at('/witness').length >= 1);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(receiver.at('/disabled').length, 0);
      const test = await call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`);
      assert.deepEqual([test.status, test.body.code], [409, 'WEBHOOK_ENDPOINT_DISABLED']);
      await call(a.appToken, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { status: 'enabled' });
      await t.emit([paymentEvent(a, 'payment.created', 'pay_on')]);
      await receiver.waitFor(() => receiver.at('/disabled').length >= 1);
      assert.match(receiver.at('/disabled')[0]!.body, /pay_on/);
      assert.ok(witness.id);
    });

    test('a suspended app receives nothing, not even what was queued before; reinstated, it receives', async () => {
      const c = await onboardFintech(t.url, {
        email: 'suspended@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
      });
      await subscribe(c, '/suspended', ['payment.created']);
      const witness = receiver.at('/witness-suspended').length;
      await subscribe(a, '/witness-suspended', ['payment.created']);
      const developers = createDeveloperService(t.services.database, t.config);
      await developers.setAppStatus(c.clientId, 'suspended');
      await t.emit([
        paymentEvent(c, 'payment.created', 'pay_suspended'),
        paymentEvent(a, 'payment.created', 'pay_w'),
      ]);
      await receiver.waitFor(() => receiver.at('/witness-suspended').length > witness);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(receiver.at('/suspended').length, 0);
      await developers.setAppStatus(c.clientId, 'active');
      await t.emit([paymentEvent(c, 'payment.created', 'pay_back')]);
      await receiver.waitFor(() => receiver.at('/suspended').length >= 1);
      assert.match(receiver.at('/suspended')[0]!.body, /pay_back/);
      assert.equal(receiver.at('/suspended').length, 1, 'what was refused while suspended is not sent later');
    });

    test('a test event arrives, and a delivery can be sent again with the same webhook-id', async () => {
      const endpoint = await subscribe(a, '/retry', ['consent.expired']);
      const queued = await call(a.appToken, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`);
      assert.equal(queued.status, 202);
      assert.equal(queued.body.event_type, 'webhook.test');
      await receiver.waitFor(() => receiver.at('/retry').length >= 1);
      const first = receiver.at('/retry')[0]!;
      assert.equal(first.id, queued.body.id);
      assert.equal(verify(endpoint.secret, first).data.endpoint_id, endpoint.id);
      const deliveryId = String((await deliveries(a.appToken, endpoint.id, 1))[0]!.id);
      const retried = await call(a.appToken, 'POST', `/v1/webhook-deliveries/${deliveryId}/retry`);
      assert.equal(retried.status, 202);
      await receiver.waitFor(() => receiver.at('/retry').length >= 2);
      assert.equal(receiver.at('/retry')[1]!.id, first.id);
      const byMessage = await call(a.appToken, 'POST', `/v1/webhook-deliveries/${first.id}/retry`);
      assert.equal(byMessage.status, 202);
      const notMine = await call(b.appToken, 'POST', `/v1/webhook-deliveries/${deliveryId}/retry`);
      assert.deepEqual([notMine.status, notMine.body.code], [404, 'WEBHOOK_DELIVERY_NOT_FOUND']);
      const malformed = await call(a.appToken, 'POST', '/v1/webhook-deliveries/nonsense/retry');
      assert.equal(malformed.body.code, 'VALIDATION_FAILED');
    });

    test('the event feed lists the app’s own events in order from a cursor, filtered by type', async () => {
      const start = await call(a.appToken, 'GET', '/v1/events?limit=500');
      assert.equal(start.status, 200);
      let cursor = String(start.body.next_cursor);
      await t.emit([
        paymentEvent(a, 'payment.created', 'pay_feed'),
        paymentEvent(b, 'payment.created', 'pay_feed_b'),
        paymentEvent(a, 'payment.completed', 'pay_feed'),
      ]);
      let page = await call(a.appToken, 'GET', `/v1/events?after=${cursor}`);
      for (let i = 0; i < 100 && (page.body.data as Json[]).length < 2; i++) {
        await new Promise((r) => setTimeout(r, 20));
        page = await call(a.appToken, 'GET', `/v1/events?after=${cursor}`);
      }
      const events = page.body.data as Json[];
      assert.deepEqual(
        events.map((e) => [e.type, (e.data as Json).payment_id]),
        [
          ['payment.created', 'pay_feed'],
          ['payment.completed', 'pay_feed'],
        ],
      );
      assert.equal(events[0]!.specversion, '1.0');
      assert.equal(events[0]!.clientid, a.clientId);
      assert.ok(Number(events[0]!.sequence) < Number(events[1]!.sequence));
      assert.equal(page.body.next_cursor, events[1]!.sequence);
      cursor = String(page.body.next_cursor);
      const nothingNew = await call(a.appToken, 'GET', `/v1/events?after=${cursor}`);
      assert.deepEqual([nothingNew.body.data, nothingNew.body.next_cursor], [[], cursor]);

      const onePage = await call(a.appToken, 'GET', '/v1/events?limit=1');
      assert.equal(onePage.body.has_more, true);
      const completed = await call(a.appToken, 'GET', '/v1/events?types=payment.completed&limit=500');
      const completedTypes = new Set((completed.body.data as Json[]).map((e) => e.type));
      assert.deepEqual([...completedTypes], ['payment.completed']);
      // transaction.posted on a covered account is in A's feed (found through its consent), not B's.
      const postedA = await call(a.appToken, 'GET', '/v1/events?types=transaction.posted');
      assert.ok((postedA.body.data as Json[]).some((e) => (e.data as Json).account_id === wanjikuAccount));
      const feedB = await call(b.appToken, 'GET', '/v1/events?limit=500');
      for (const e of feedB.body.data as Json[]) {
        assert.notEqual(e.type, 'transaction.posted');
        assert.equal(e.clientid, b.clientId);
      }
      for (const query of ['types=payment.exploded', 'after=-1', 'limit=0', 'colour=blue']) {
        const bad = await call(a.appToken, 'GET', `/v1/events?${query}`);
        assert.deepEqual([bad.status, bad.body.code], [400, 'VALIDATION_FAILED'], query);
      }
    });

    test('the OpenAPI document describes the webhook and event routes', async () => {
      const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const one = doc.paths['/v1/webhook-endpoints/{endpoint_id}'];
      assert.ok(doc.paths['/v1/webhook-endpoints']?.post && one?.get && one.patch && one.delete);
      for (const path of [
        '/v1/webhook-endpoints/{endpoint_id}/rotate-secret',
        '/v1/webhook-endpoints/{endpoint_id}/test',
        '/v1/webhook-deliveries/{delivery_id}/retry',
      ]) {
        assert.ok(doc.paths[path]?.post, path);
      }
      assert.ok(doc.paths['/v1/webhook-endpoints/{endpoint_id}/deliveries']?.get);
      assert.ok(doc.paths['/v1/events']?.get);
      assert.ok(doc.paths['/developer/notifications']?.get);
    });
  });
}
