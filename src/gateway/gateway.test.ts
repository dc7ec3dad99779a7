import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { buildApp } from '../app.ts';
import type { BackendName } from '../test-support/backends.ts';
import { inputValue, TestBrowser } from '../test-support/browser.ts';
import { runCli } from '../test-support/cli.ts';
import { customerToken, type Fintech, onboardFintech } from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://budget.example/callback';
const REDIS_URL = 'redis://127.0.0.1:6379';
/** Small enough to reach in a test: 40 per minute per app, 3 per customer. */
const TIERS = 'standard=40/3,premium=1000/100';

interface Customer {
  id: string;
  username: string;
  accounts: { id: string }[];
}

const SETUPS: { backend: BackendName; store: 'memory' | 'redis' }[] = [
  { backend: 'sqlite', store: 'memory' },
  { backend: 'postgres', store: 'redis' },
];

for (const { backend, store } of SETUPS) {
  describe(`the gateway pipeline [${backend}, ${store} store]`, () => {
    let t: TestServer;
    let customers: Customer[];
    let n = 0;

    const onboard = (scopes = ['openid', 'accounts.read', 'transactions.read']) =>
      onboardFintech(t.url, { email: `gw${++n}@fintech.example`, redirectUri: REDIRECT_URI, scopes });

    const tokenFor = (fintech: Fintech, username = 'wanjiku', scopes = ['accounts.read']) => {
      const customer = customers.find((c) => c.username === username)!;
      return customerToken(t.url, fintech, {
        scopes,
        accountIds: [customer.accounts[0]!.id],
        username,
        redirectUri: REDIRECT_URI,
      });
    };

    const call = async (path: string, token?: string, init: RequestInit = {}) => {
      const res = await fetch(`${t.url}${path}`, {
        ...init,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
      };
    };

    const balance = (token: string, username = 'wanjiku') =>
      call(`/v1/accounts/${customers.find((c) => c.username === username)!.accounts[0]!.id}/balance`, token);

    /** The operator's CLI, as a separate process on the same database (and Redis). */
    const cli = (args: string[]) =>
      runCli(t.config, args, { WEKEZA_RATE_LIMITS: TIERS, ...(store === 'redis' ? { REDIS_URL } : {}) });

    before(async () => {
      t = await startTestServer(backend, {
        WEKEZA_RATE_LIMITS: TIERS,
        ...(store === 'redis' ? { REDIS_URL } : {}),
      });
      customers = (await call('/sandbox/customers')).body.data as Customer[];
    });
    after(() => t?.close());

    test('every /v1 answer carries the API version; an unknown version is a 404 problem', async () => {
      const ok = await call('/v1/accounts');
      assert.equal(ok.status, 401);
      assert.equal(ok.headers.get('api-version'), '1.0');
      const v2 = await call('/v2/accounts');
      assert.equal(v2.status, 404);
      assert.equal(v2.body.code, 'API_VERSION_NOT_FOUND');
      assert.match(String(v2.body.detail), /v2.*v1/);
      const unknown = await call('/v1/nothing-here');
      assert.equal(unknown.body.code, 'ROUTE_NOT_FOUND');
    });

    test('each customer of an app is limited by their tier, with RateLimit headers, 429 and Retry-After', async () => {
      const fintech = await onboard();
      const { token } = await tokenFor(fintech);
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await balance(token);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('ratelimit-policy'), '"app";q=40;w=60, "customer";q=3;w=60');
        remaining.push(/"customer";r=(\d+)/.exec(res.headers.get('ratelimit') ?? '')?.[1] ?? '');
      }
      assert.deepEqual(remaining, ['2', '1', '0']);
      const refused = await balance(token);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.code, 'RATE_LIMITED');
      assert.equal(refused.body.policy, 'customer');
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter >= 19 && retryAfter <= 20, `Retry-After ${retryAfter}`);
      assert.match(refused.headers.get('ratelimit') ?? '', /"customer";r=0;t=\d+/);
      // Another customer of the same app has their own allowance.
      const other = await tokenFor(fintech, 'otieno');
      assert.equal((await balance(other.token, 'otieno')).status, 200);
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      assert.match(metrics, /wekeza_gateway_rate_limited_total\{policy="customer"\} [1-9]/);
    });

    test('the operator moves an app to another tier', async () => {
      const fintech = await onboard();
      const { token } = await tokenFor(fintech);
      const moved = await cli(['apps', 'tier', fintech.clientId, 'premium']);
      assert.equal(moved.code, 0, moved.output);
      assert.match(moved.output, /tier premium/);
      if (store === 'memory') await new Promise((r) => setTimeout(r, 1100));
      for (let i = 0; i < 5; i++) assert.equal((await balance(token)).status, 200);
      assert.equal(
        (await balance(token)).headers.get('ratelimit-policy'),
        '"app";q=1000;w=60, "customer";q=100;w=60',
      );
      const app = await call(`/developer/apps/${fintech.clientId}`, fintech.developerToken);
      assert.equal(app.body.rate_limit_tier, 'premium');
      assert.equal((await cli(['apps', 'tier', fintech.clientId, 'gold'])).code, 2);
    });

    test('an IP allow-list set through the developer API admits only its addresses, at once', async () => {
      const fintech = await onboard();
      const { token } = await tokenFor(fintech);
      const patch = (ip_allowlist: unknown) =>
        call(`/developer/apps/${fintech.clientId}`, fintech.developerToken, {
          method: 'PATCH',
          body: JSON.stringify({ ip_allowlist }),
        });
      // Three calls in all: the customer allowance of this tier (refused calls count too).
      assert.equal((await patch(['10.0.0.0/8', '2001:db8::/32'])).status, 200);
      const refused = await balance(token);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'IP_NOT_ALLOWED');
      // The app's own client-credentials calls too.
      assert.equal((await call('/v1/consents/cns_01JD000000000000000000000A', fintech.appToken)).status, 403);
      const allowed = await patch(['10.0.0.0/8', '127.0.0.0/8']);
      assert.deepEqual(allowed.body.ip_allowlist, ['10.0.0.0/8', '127.0.0.0/8']);
      assert.equal((await balance(token)).status, 200);
      const bad = await patch(['10.0.0.0/33']);
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.body.errors,
        [{ path: '/ip_allowlist/0', message: 'must be an IPv4 or IPv6 address or CIDR block' }].map((e) => ({
          ...e,
          path: `/body${e.path}`,
        })),
      );
      assert.equal((await patch([])).status, 200, 'empty means any address');
      assert.equal((await balance(token)).status, 200);
    });

    test('revoking a token, a consent or suspending the app stops cached tokens at once', async () => {
      const fintech = await onboard();
      const first = await tokenFor(fintech);
      assert.equal((await balance(first.token)).status, 200, 'verified and cached');
      await oidc.tokenRevocation(fintech.config, first.token);
      const revoked = await balance(first.token);
      assert.equal(revoked.status, 401);
      assert.match(String(revoked.headers.get('www-authenticate')), /invalid_token/);

      const second = await tokenFor(fintech, 'otieno');
      assert.equal((await balance(second.token, 'otieno')).status, 200);
      assert.equal(
        (await call(`/v1/consents/${second.consentId}`, fintech.appToken, { method: 'DELETE' })).status,
        200,
      );
      assert.equal((await balance(second.token, 'otieno')).status, 401);

      // Each token is another customer's: three requests each stay within the customer allowance.
      const third = await tokenFor(fintech, 'kamau');
      const kamau = () => balance(third.token, 'kamau');
      assert.equal((await kamau()).status, 200);
      const suspended = await cli(['apps', 'suspend', fintech.clientId]);
      assert.equal(suspended.code, 0, suspended.output);
      // Through Redis the CLI reaches the running server at once; in memory its 1-second app cache runs out.
      if (store === 'memory') await new Promise((r) => setTimeout(r, 1100));
      const refused = await kamau();
      assert.equal(refused.status, 401);
      assert.equal(refused.body.detail, 'The app is not active');
      assert.equal((await cli(['apps', 'reinstate', fintech.clientId])).code, 0);
      if (store === 'memory') await new Promise((r) => setTimeout(r, 1100));
      assert.equal((await kamau()).status, 200);

      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      assert.match(metrics, /wekeza_gateway_token_failures_total\{reason="revoked"\} [1-9]/);
      assert.match(metrics, /wekeza_gateway_token_failures_total\{reason="app_inactive"\} [1-9]/);
      assert.match(metrics, /wekeza_gateway_consent_refusals_total\{reason="not_authorized"\} [1-9]/);
    });

    test('usage is metered per app and route, and readable by the app’s developer only', async () => {
      const fintech = await onboard();
      const { token } = await tokenFor(fintech);
      const [account] = customers.find((c) => c.username === 'wanjiku')!.accounts;
      assert.equal((await balance(token)).status, 200);
      assert.equal((await balance(token)).status, 200);
      assert.equal((await call(`/v1/accounts/acc_01JD000000000000000000000A/balance`, token)).status, 404);
      const usage = await call(
        `/developer/apps/${fintech.clientId}/usage?granularity=hour`,
        fintech.developerToken,
      );
      assert.equal(usage.status, 200, JSON.stringify(usage.body));
      const rows = usage.body.data as {
        route: string;
        requests: number;
        errors: number;
        latency_ms_avg: number;
      }[];
      const balanceRow = rows.find((r) => r.route === 'GET /v1/accounts/:account_id/balance');
      assert.equal(balanceRow?.requests, 3, JSON.stringify(rows));
      assert.equal(balanceRow?.errors, 1);
      assert.ok((balanceRow?.latency_ms_avg ?? 0) > 0);
      // The client-credentials consent call of the sandbox authorisation is metered too.
      assert.ok(rows.some((r) => r.route === 'POST /v1/consents'));
      assert.equal(
        (usage.body.totals as { requests: number }).requests,
        rows.reduce((s, r) => s + r.requests, 0),
      );
      const daily = await call(`/developer/apps/${fintech.clientId}/usage`, fintech.developerToken);
      assert.match(String((daily.body.data as { period: string }[])[0]?.period), /^\d{4}-\d{2}-\d{2}$/);

      const stranger = await onboard();
      const theirs = await call(`/developer/apps/${fintech.clientId}/usage`, stranger.developerToken);
      assert.equal(theirs.status, 404);
      assert.equal((await call(`/developer/apps/${fintech.clientId}/usage`)).status, 401);
      const bad = await call(
        `/developer/apps/${fintech.clientId}/usage?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z`,
        fintech.developerToken,
      );
      assert.equal(bad.status, 400);
      assert.equal(
        (await call(`/developer/apps/${fintech.clientId}/usage?granularity=week`, fintech.developerToken))
          .status,
        400,
      );
      // Year 0 is no time PostgreSQL holds: refused, not a 500.
      const yearZero = await call(
        `/developer/apps/${fintech.clientId}/usage?from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z`,
        fintech.developerToken,
      );
      assert.equal(yearZero.status, 400);
      void account;
    });

    test('customer-data access is audited and shown to the customer on their consent page', async () => {
      const fintech = await onboard();
      const { token } = await tokenFor(fintech, 'achieng');
      assert.equal((await balance(token, 'achieng')).status, 200);
      assert.equal((await call('/v1/accounts', token)).status, 200);
      const browser = new TestBrowser();
      const login = await (await browser.request(`${t.url}/account/login`)).text();
      await browser.submit(`${t.url}/account/login`, {
        csrf: inputValue(login, 'csrf') ?? '',
        username: 'achieng',
        password: 'sandbox-achieng-2026',
      });
      const page = await (await browser.request(`${t.url}/account/consents`)).text();
      assert.match(page, /Last used/);
      assert.match(page, /Read the balance of [^<]*•••• \d{4}/);
      assert.match(page, /Listed your accounts/);
    });

    if (store === 'redis') {
      test('limits and revocations hold across processes sharing Redis', async () => {
        const second = await buildApp(t.config, { seed: false });
        try {
          const fintech = await onboard();
          const { token, consentId } = await tokenFor(fintech);
          const path = `/v1/accounts/${customers.find((c) => c.username === 'wanjiku')!.accounts[0]!.id}/balance`;
          const viaSecond = () => second.inject({ url: path, headers: { authorization: `Bearer ${token}` } });
          assert.equal((await balance(token)).status, 200);
          assert.equal((await viaSecond()).statusCode, 200);
          assert.equal((await balance(token)).status, 200);
          const refused = await viaSecond();
          assert.equal(refused.statusCode, 429, 'the customer allowance of 3 was used on both processes');

          const another = await tokenFor(fintech, 'otieno');
          const viaSecondOther = () =>
            second.inject({
              url: `/v1/accounts/${customers.find((c) => c.username === 'otieno')!.accounts[0]!.id}/balance`,
              headers: { authorization: `Bearer ${another.token}` },
            });
          assert.equal((await viaSecondOther()).statusCode, 200, 'cached on the second process');
          assert.equal(
            (await call(`/v1/consents/${another.consentId}`, fintech.appToken, { method: 'DELETE' })).status,
            200,
          );
          assert.equal(
            (await viaSecondOther()).statusCode,
            401,
            'revoked on the first, refused on the second',
          );
          void consentId;
        } finally {
          await second.close();
        }
      });
    }
  });
}
