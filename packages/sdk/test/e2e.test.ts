/**
 * The SDK as a fintech uses it, against the real platform on a loopback port: the developer API,
 * OAuth (client credentials, authorization code with PKCE and a consent, refresh), typed calls,
 * paging across pages, a payment, a verified webhook, and a revoked consent refusing the next call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inputValue, TestBrowser } from '../../../src/test-support/browser.ts';
import { TestReceiver } from '../../../src/test-support/receiver.ts';
import { startTestServer, type TestServer } from '../../../src/test-support/server.ts';
import {
  createWekezaClient,
  listAll,
  unwrap,
  verifyWebhook,
  WekezaApiError,
  WekezaOAuth,
} from '../src/index.ts';

const REDIRECT_URI = 'https://budget.example/callback';
const SCOPES = ['accounts.read', 'transactions.read', 'payments.write'];

/** Logs in as wanjiku on the authorization pages, shares one account, approves; the callback URL. */
async function approveInBrowser(url: URL, accountId: string): Promise<string> {
  const browser = new TestBrowser();
  const start = await browser.follow(url.toString());
  const loggedIn = await browser.submit(`${start.url}/login`, {
    csrf: inputValue(await start.response.text(), 'csrf') ?? '',
    username: 'wanjiku',
    password: 'sandbox-wanjiku-2026',
  });
  const consentPage = await browser.follow(new URL(String(loggedIn.headers.get('location')), url).toString());
  const approved = await browser.submit(`${consentPage.url}/consent`, {
    csrf: inputValue(await consentPage.response.text(), 'csrf') ?? '',
    decision: 'approve',
    account_ids: [accountId],
  });
  const callback = await browser.follow(
    new URL(String(approved.headers.get('location')), url).toString(),
    (l) => l.startsWith(REDIRECT_URI),
  );
  return callback.url;
}

describe('@wekeza/sdk against the platform [sqlite]', () => {
  let t: TestServer;
  let receiver: TestReceiver;
  before(async () => {
    t = await startTestServer('sqlite');
    receiver = await TestReceiver.start();
  });
  after(async () => {
    await receiver?.close();
    await t?.close();
  });

  test('from sign-up to paged transactions, a payment, a verified webhook and a revoked consent', async () => {
    // The developer API, typed.
    const anonymous = createWekezaClient({ baseUrl: t.url });
    const developer = { email: 'sdk@fintech.example', password: 'correct horse battery' };
    unwrap(await anonymous.POST('/developer/register', { body: { ...developer, name: 'SDK' } }));
    const { token: developerToken } = unwrap(await anonymous.POST('/developer/login', { body: developer }));
    const portal = createWekezaClient({ baseUrl: t.url, token: developerToken });
    const app = unwrap(
      await portal.POST('/developer/apps', {
        body: {
          name: 'Budget Buddy',
          redirect_uris: [REDIRECT_URI],
          scopes: ['openid', 'offline_access', ...SCOPES] as never,
        },
      }),
    );

    // OAuth: an app token, a consent, the customer's approval (the sandbox way) and the code exchange.
    const oauth = await WekezaOAuth.discover({
      baseUrl: t.url,
      clientId: app.client_id,
      clientSecret: app.client_secret,
    });
    const appToken = await oauth.clientCredentials(SCOPES);
    const asApp = createWekezaClient({ baseUrl: t.url, token: appToken.accessToken });
    const consent = unwrap(
      await asApp.POST('/v1/consents', {
        body: {
          scopes: SCOPES as never,
          expires_at: new Date(Date.now() + 30 * 86400_000).toISOString(),
          max_amount: { amount: '5000.00', currency: 'KES' },
        },
      }),
    );
    const request = await oauth.authorizationRequest({
      redirectUri: REDIRECT_URI,
      scopes: ['openid', 'offline_access', ...SCOPES],
      consentId: consent.id,
      prompt: 'consent',
    });
    const customers = unwrap(await anonymous.GET('/sandbox/customers')).data;
    const account = customers
      .find((c) => c.username === 'wanjiku')!
      .accounts.find((a) => a.currency === 'KES')!;
    // The customer, in a browser: the platform's login and consent pages, then back to the app.
    const callbackUrl = await approveInBrowser(request.url, account.id);
    const tokens = await oauth.exchangeCode(callbackUrl, request);
    assert.ok(tokens.refreshToken);

    // Typed calls with a token that refreshes itself.
    let current = tokens;
    const asCustomer = createWekezaClient({ baseUrl: t.url, token: () => current.accessToken });
    const accounts = unwrap(await asCustomer.GET('/v1/accounts')).data;
    assert.deepEqual(
      accounts.map((a) => a.id),
      [account.id],
    );
    const seen = new Set<string>();
    for await (const tx of listAll(asCustomer, '/v1/accounts/{account_id}/transactions', {
      params: { path: { account_id: account.id }, query: { limit: 10 } },
    })) {
      assert.ok(!seen.has(tx.id), 'no item twice across pages');
      seen.add(tx.id);
    }
    const onePage = unwrap(
      await asCustomer.GET('/v1/accounts/{account_id}/transactions', {
        params: { path: { account_id: account.id }, query: { limit: 100 } },
      }),
    );
    assert.ok(seen.size > 10, 'more than one page was followed');
    assert.equal(seen.size, onePage.data.length);
    current = await oauth.refresh(tokens.refreshToken);
    assert.notEqual(current.accessToken, tokens.accessToken);

    // A webhook endpoint, and the payment's event verified with the endpoint's secret.
    const endpoint = unwrap(
      await asApp.POST('/v1/webhook-endpoints', {
        body: { url: receiver.url('/sdk'), event_types: ['payment.completed'] },
      }),
    );
    const payment = unwrap(
      await asCustomer.POST('/v1/payments', {
        params: { header: { 'idempotency-key': 'sdk-first-payment' } },
        body: {
          debtor_account_id: account.id,
          creditor: { name: 'Mama Mboga', mobile_number: '+254711000111' },
          amount: { amount: '250.00', currency: 'KES' },
          reference: 'SDK-1',
        },
      }),
    );
    assert.equal(payment.status, 'completed');
    const [delivery] = await receiver.waitFor((r) => r.some((x) => x.path === '/sdk'));
    const event = verifyWebhook<{ payment_id?: string; id?: string }>(
      endpoint.secret,
      delivery!.headers,
      delivery!.body,
    );
    assert.equal(event.type, 'payment.completed');
    assert.ok(JSON.stringify(event.data).includes(payment.id));

    // The app revokes the consent: the customer's token is refused at once, as a typed problem.
    unwrap(await asApp.DELETE('/v1/consents/{consent_id}', { params: { path: { consent_id: consent.id } } }));
    await assert.rejects(
      async () => unwrap(await asCustomer.GET('/v1/accounts')),
      (err: unknown) => err instanceof WekezaApiError && err.status === 401,
    );
  });
});
