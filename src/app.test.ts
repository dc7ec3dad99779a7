import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from './test-support/app.ts';
import { BACKENDS } from './test-support/backends.ts';

const isProblem = (
  res: { headers: Record<string, unknown>; statusCode: number; json(): unknown },
  status: number,
  code: string,
) => {
  assert.equal(res.statusCode, status, JSON.stringify(res.json()));
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  for (const field of ['type', 'title', 'detail', 'instance', 'request_id'])
    assert.equal(typeof body[field], 'string', field);
  assert.equal(body.request_id, res.headers['x-request-id']);
  return body as { errors?: { path: string; message: string }[]; detail: string };
};

for (const backend of BACKENDS) {
  describe(`platform over HTTP [${backend}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
    });
    after(() => t?.close());

    test('/livez and /readyz answer ok with the database checked', async () => {
      assert.deepEqual((await t.app.inject('/livez')).json(), { status: 'ok' });
      const ready = await t.app.inject('/readyz');
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ok', checks: { database: 'ok' } });
    });

    test('an unknown route is a problem 404 that echoes a sane request id', async () => {
      const res = await t.app.inject({ url: '/nothing/here?x=1', headers: { 'x-request-id': 'abc-123' } });
      assert.equal(res.headers['x-request-id'], 'abc-123');
      const body = isProblem(res, 404, 'ROUTE_NOT_FOUND');
      assert.equal((body as unknown as { instance: string }).instance, '/nothing/here');
      const insane = await t.app.inject({
        url: '/nothing',
        headers: { 'x-request-id': 'bad id\twith<script>' },
      });
      assert.match(String(insane.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    });

    test('the sandbox customers are listed with their accounts', async () => {
      const res = await t.app.inject('/sandbox/customers');
      assert.equal(res.statusCode, 200);
      const { data } = res.json() as {
        data: { username: string; password: string | null; accounts: { currency: string }[] }[];
      };
      assert.ok(data.length >= 5);
      assert.ok(data.every((c) => typeof c.password === 'string' && c.accounts.length > 0));
      const currencies = new Set(data.flatMap((c) => c.accounts.map((a) => a.currency)));
      assert.deepEqual([...currencies].sort(), ['KES', 'USD']);
    });

    describe('sandbox deposits', () => {
      let account: { id: string; currency: string };
      const balanceOf = async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/sandbox/accounts/${account.id}/deposits`,
          payload: { amount: { amount: '0.01', currency: account.currency } },
        });
        return (res.json() as { balance: { current: { amount: string } } }).balance.current.amount;
      };
      before(async () => {
        const { data } = (await t.app.inject('/sandbox/customers')).json() as {
          data: { accounts: { id: string; currency: string }[] }[];
        };
        account = data.flatMap((c) => c.accounts).find((a) => a.currency === 'KES')!;
      });

      test('a deposit credits the account and answers with the new balance', async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: `/sandbox/accounts/${account.id}/deposits`,
          payload: { amount: { amount: '2500.50', currency: 'KES' }, description: 'Test money' },
        });
        assert.equal(res.statusCode, 201);
        const body = res.json() as {
          entry_id: string;
          amount: { amount: string };
          balance: { current: { amount: string } };
        };
        assert.match(body.entry_id, /^jrn_/);
        assert.deepEqual(body.amount, { amount: '2500.50', currency: 'KES' });
        assert.match(body.balance.current.amount, /^-?\d+\.\d{2}$/);
      });

      test('the same Idempotency-Key deposits once; with another body it is a conflict', async () => {
        const send = (amount: string) =>
          t.app.inject({
            method: 'POST',
            url: `/sandbox/accounts/${account.id}/deposits`,
            headers: { 'idempotency-key': 'dep-key-1' },
            payload: { amount: { amount, currency: 'KES' } },
          });
        const first = await send('100.00');
        const second = await send('100.00');
        assert.equal(first.statusCode, 201);
        assert.equal(second.statusCode, 201);
        assert.equal(first.json().entry_id, second.json().entry_id);
        isProblem(await send('100.01'), 409, 'REFERENCE_REUSED');
      });

      test('bad input is a 4xx problem naming the field, and changes nothing', async () => {
        const before = await balanceOf();
        const post = (payload: unknown, headers: Record<string, string> = {}) =>
          t.app.inject({
            method: 'POST',
            url: `/sandbox/accounts/${account.id}/deposits`,
            payload: payload as string,
            headers,
          });
        const scale = isProblem(
          await post({ amount: { amount: '1.001', currency: 'KES' } }),
          400,
          'INVALID_AMOUNT',
        );
        assert.equal(scale.errors?.[0]?.path, '/body/amount/amount');
        isProblem(await post({ amount: { amount: '-5.00', currency: 'KES' } }), 400, 'INVALID_AMOUNT');
        isProblem(await post({ amount: { amount: '0', currency: 'KES' } }), 400, 'INVALID_AMOUNT');
        const notNumber = isProblem(
          await post({ amount: { amount: 'ten', currency: 'KES' } }),
          400,
          'VALIDATION_FAILED',
        );
        assert.equal(notNumber.errors?.[0]?.path, '/body/amount/amount');
        const float = isProblem(
          await post({ amount: { amount: 10.5, currency: 'KES' } }),
          400,
          'VALIDATION_FAILED',
        );
        assert.ok(float.errors?.some((e) => e.path === '/body/amount/amount'));
        const missing = isProblem(await post({}), 400, 'VALIDATION_FAILED');
        assert.deepEqual(
          missing.errors?.map((e) => e.path),
          ['/body/amount'],
        );
        const extra = isProblem(
          await post({ amount: { amount: '1.00', currency: 'KES' }, admin: true }),
          400,
          'VALIDATION_FAILED',
        );
        assert.deepEqual(
          extra.errors?.map((e) => e.path),
          ['/body/admin'],
        );
        const ccy = isProblem(
          await post({ amount: { amount: '1.00', currency: 'USD' } }),
          422,
          'CURRENCY_MISMATCH',
        );
        assert.equal(ccy.errors?.[0]?.path, '/body/amount/currency');
        isProblem(await post({ amount: { amount: '1.00', currency: 'XYZ' } }), 400, 'UNSUPPORTED_CURRENCY');
        isProblem(
          await post('{"amount": ', { 'content-type': 'application/json' }),
          400,
          'MALFORMED_REQUEST',
        );
        isProblem(await post('amount=1', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
        isProblem(
          await post({ amount: { amount: '1.00', currency: 'KES' }, description: 'x'.repeat(70_000) }),
          413,
          'PAYLOAD_TOO_LARGE',
        );
        const key = isProblem(
          await post({ amount: { amount: '1.00', currency: 'KES' } }, { 'idempotency-key': 'x'.repeat(41) }),
          400,
          'VALIDATION_FAILED',
        );
        assert.equal(key.errors?.[0]?.path, '/headers/idempotency-key');
        const badId = isProblem(
          await t.app.inject({
            method: 'POST',
            url: '/sandbox/accounts/not-an-id/deposits',
            payload: { amount: { amount: '1.00', currency: 'KES' } },
          }),
          400,
          'VALIDATION_FAILED',
        );
        assert.equal(badId.errors?.[0]?.path, '/params/account_id');
        isProblem(
          await t.app.inject({
            method: 'POST',
            url: '/sandbox/accounts/acc_00000000000000000000000000/deposits',
            payload: { amount: { amount: '1.00', currency: 'KES' } },
          }),
          404,
          'ACCOUNT_NOT_FOUND',
        );
        // only the 0.01 probes changed the balance
        const afterBalance = await balanceOf();
        assert.equal(BigInt(afterBalance.replace('.', '')) - BigInt(before.replace('.', '')), 1n);
      });
    });

    test('/openapi.json is an OpenAPI 3.1 document generated from the route schemas', async () => {
      const doc = (await t.app.inject('/openapi.json')).json() as {
        openapi: string;
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
        components: { schemas: Record<string, unknown> };
      };
      assert.equal(doc.openapi, '3.1.0');
      for (const path of [
        '/livez',
        '/readyz',
        '/sandbox/customers',
        '/sandbox/accounts/{account_id}/deposits',
      ]) {
        assert.ok(doc.paths[path], `missing ${path}`);
      }
      assert.ok(!doc.paths['/metrics'] && !doc.paths['/openapi.json'], 'internal routes are hidden');
      const deposit = doc.paths['/sandbox/accounts/{account_id}/deposits']!.post!;
      assert.ok(deposit.responses['201'] && deposit.responses['400'] && deposit.responses['422']);
      assert.ok(doc.components.schemas.Problem);
    });

    test('/docs serves the interactive reference with its script from the platform itself', async () => {
      const redirect = await t.app.inject('/docs');
      assert.equal(redirect.statusCode, 301);
      const page = await t.app.inject(String(redirect.headers.location));
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.match(page.body, /openapi\.json/);
      // Its request client takes tokens: no other site may frame it.
      assert.equal(page.headers['x-frame-options'], 'DENY');
      assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
      const scripts = [...page.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(scripts.length > 0);
      for (const src of scripts) {
        assert.ok(!/^https?:/.test(src), `external script ${src}`);
        const asset = await t.app.inject(src.startsWith('/') ? src : `/docs/${src}`);
        assert.equal(asset.statusCode, 200, src);
      }
    });

    test('/metrics exposes process metrics and request durations by route template', async () => {
      await t.app.inject('/livez');
      await t.app.inject('/sandbox/accounts/acc_00000000000000000000000000/deposits');
      const res = await t.app.inject('/metrics');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /process_cpu_user_seconds_total/);
      assert.match(
        res.body,
        /http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/livez",status_code="200"/,
      );
      assert.match(res.body, /route="unmatched",status_code="404"/);
      assert.match(res.body, /wekeza_events_horizon_wait_seconds \d/, 'the relay horizon gauge');
    });
  });
}

describe('readiness with Redis and RabbitMQ configured', () => {
  test('all reachable: ready', async () => {
    const t = await startTestApp('sqlite', {
      REDIS_URL: 'redis://127.0.0.1:6379',
      AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
    });
    try {
      const res = await t.app.inject('/readyz');
      assert.deepEqual(res.json(), { status: 'ok', checks: { database: 'ok', redis: 'ok', rabbitmq: 'ok' } });
    } finally {
      await t.close();
    }
  });

  test('one unreachable: 503 naming it', async () => {
    const t = await startTestApp('sqlite', {
      REDIS_URL: 'redis://127.0.0.1:1',
      AMQP_URL: 'amqp://guest:guest@127.0.0.1:1',
    });
    try {
      const res = await t.app.inject('/readyz');
      assert.equal(res.statusCode, 503);
      const body = res.json() as { status: string; checks: Record<string, string> };
      assert.equal(body.status, 'unavailable');
      assert.equal(body.checks.database, 'ok');
      assert.match(body.checks.redis!, /^failed/);
      assert.match(body.checks.rabbitmq!, /^failed/);
    } finally {
      await t.close();
    }
  });
});
