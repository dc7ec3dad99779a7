import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { deriveKey } from '../../platform/index.ts';
import { BACKENDS } from '../../test-support/backends.ts';
import { inputValue, inputValues, TestBrowser } from '../../test-support/browser.ts';
import { onboardFintech } from '../../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { createSessionCodec } from './session.ts';

const REDIRECT_URI = 'https://budget.example/callback';
const PASSWORDS: Record<string, string> = {
  wanjiku: 'sandbox-wanjiku-2026',
  otieno: 'sandbox-otieno-2026',
  achieng: 'sandbox-achieng-2026',
};

interface SandboxCustomer {
  id: string;
  username: string;
  accounts: { id: string; nickname: string; account_number: string }[];
}

for (const backend of BACKENDS) {
  describe(`the customer's consent list at /account/consents [${backend}]`, () => {
    let t: TestServer;
    let config: oidc.Configuration;
    let appToken: string;
    let customers: SandboxCustomer[];

    const json = async (path: string, init: RequestInit & { token?: string } = {}) => {
      const res = await fetch(`${t.url}${path}`, {
        ...init,
        headers: {
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    const customer = (username: string) => customers.find((c) => c.username === username)!;

    const newConsent = async () => {
      const { status, body } = await json('/v1/consents', {
        method: 'POST',
        token: appToken,
        body: JSON.stringify({
          scopes: ['accounts.read', 'transactions.read'],
          expires_at: new Date(Date.now() + 30 * 86400_000).toISOString(),
        }),
      });
      assert.equal(status, 201, JSON.stringify(body));
      return String(body.id);
    };

    /** The OAuth login-and-consent flow as `wanjiku`, sharing her first account; the app's tokens. */
    const authorize = async (consentId: string) => {
      const browser = new TestBrowser();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT_URI,
        scope: 'openid offline_access accounts.read transactions.read',
        prompt: 'consent',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        consent_id: consentId,
      });
      const start = await browser.follow(url.toString());
      const loginPage = await start.response.text();
      const afterLogin = await browser.submit(`${start.url}/login`, {
        csrf: inputValue(loginPage, 'csrf') ?? '',
        username: 'wanjiku',
        password: PASSWORDS.wanjiku!,
      });
      const hop = await browser.follow(new URL(String(afterLogin.headers.get('location')), t.url).toString());
      const page = await hop.response.text();
      const accountId = inputValues(page, 'account_ids')[0]!;
      const approved = await browser.submit(`${hop.url}/consent`, {
        csrf: inputValue(page, 'csrf') ?? '',
        decision: 'approve',
        account_ids: [accountId],
      });
      const callback = await browser.follow(
        new URL(String(approved.headers.get('location')), t.url).toString(),
        (l) => l.startsWith(REDIRECT_URI),
      );
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callback.url), {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
      });
      return { tokens, accountId };
    };

    /** Logs in at /account/login; the browser keeps the session cookie on success. */
    const accountLogin = async (browser: TestBrowser, username: string, password = PASSWORDS[username]!) => {
      const page = await (await browser.request(`${t.url}/account/login`)).text();
      return browser.submit(`${t.url}/account/login`, {
        csrf: inputValue(page, 'csrf') ?? '',
        username,
        password,
      });
    };

    const sessionCookieOf = (response: Response) =>
      /^wekeza_account=([^;]*)/.exec(
        response.headers.getSetCookie().find((c) => c.startsWith('wekeza_account=')) ?? '',
      )?.[1] ?? '';

    const listWith = (cookie: string) =>
      fetch(`${t.url}/account/consents`, {
        redirect: 'manual',
        headers: { cookie: `wekeza_account=${cookie}` },
      });

    const statusOf = async (consentId: string) =>
      (await json(`/v1/consents/${consentId}`, { token: appToken })).body.status;

    before(async () => {
      t = await startTestServer(backend);
      const fintech = await onboardFintech(t.url, {
        email: 'account@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'offline_access', 'accounts.read', 'transactions.read'],
      });
      config = fintech.config;
      appToken = fintech.appToken;
      customers = (await json('/sandbox/customers')).body.data as SandboxCustomer[];
    });
    after(() => t?.close());

    test('a customer sees the app they connected and withdraws its access, which stops its tokens at once', async () => {
      const consentId = await newConsent();
      const { tokens, accountId } = await authorize(consentId);
      assert.ok(tokens.refresh_token);
      assert.equal((await oidc.tokenIntrospection(config, tokens.access_token)).active, true);

      const browser = new TestBrowser();
      const loggedIn = await accountLogin(browser, 'wanjiku');
      assert.equal(loggedIn.status, 303);
      assert.equal(loggedIn.headers.get('location'), '/account/consents');
      const setCookie = loggedIn.headers.getSetCookie().find((c) => c.startsWith('wekeza_account='));
      assert.match(String(setCookie), /; Path=\/account/);
      assert.match(String(setCookie), /; HttpOnly/);
      assert.match(String(setCookie), /; SameSite=Lax/);
      assert.match(String(setCookie), /; Max-Age=1800/);
      assert.doesNotMatch(String(setCookie), /Secure/, 'plain http in tests');
      assert.match(sessionCookieOf(loggedIn), new RegExp(`^${customer('wanjiku').id}\\.\\d+\\.[\\w-]+$`));

      const list = await browser.request(`${t.url}/account/consents`);
      const page = await list.text();
      assert.equal(list.status, 200);
      assert.equal(list.headers.get('cache-control'), 'no-store');
      assert.equal(list.headers.get('x-frame-options'), 'DENY');
      assert.equal(list.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(
        list.headers.get('content-security-policy'),
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      );
      assert.match(page, /<html lang="en">/);
      assert.match(page, /Budget Buddy/);
      assert.match(page, /See your account details and balances/);
      assert.match(page, /See your transactions/);
      const account = customer('wanjiku').accounts.find((a) => a.id === accountId)!;
      assert.ok(page.includes(`${account.nickname} •••• ${account.account_number.slice(-4)}`), page);
      assert.ok(!page.includes(account.account_number), 'the full account number is never shown');
      assert.match(page, /Active/);
      assert.match(page, /Withdraw access/);

      const action = `/account/consents/${consentId}/revoke`;
      assert.ok(page.includes(`action="${action}"`));
      const withdrawn = await browser.submit(`${t.url}${action}`, { csrf: inputValue(page, 'csrf') ?? '' });
      assert.equal(withdrawn.status, 303);
      assert.equal(withdrawn.headers.get('location'), `/account/consents?withdrawn=${consentId}`);
      const confirmation = await (
        await browser.request(`${t.url}/account/consents?withdrawn=${consentId}`)
      ).text();
      assert.match(confirmation, /role="status"/);
      assert.match(confirmation, /You withdrew Budget Buddy’s access/);
      assert.match(confirmation, /Withdrawn/);
      assert.doesNotMatch(
        confirmation,
        new RegExp(`action="${action}"`),
        'no button for a withdrawn consent',
      );

      const consent = await json(`/v1/consents/${consentId}`, { token: appToken });
      assert.equal(consent.body.status, 'revoked');
      const history = consent.body.history as { actor: string; to: string }[];
      assert.equal(history.at(-1)?.actor, `customer:${customer('wanjiku').id}`);
      assert.equal((await oidc.tokenIntrospection(config, tokens.access_token)).active, false);
      await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), (err: unknown) => {
        assert.equal((err as { error?: string }).error, 'invalid_grant');
        return true;
      });
    });

    test('without a session the pages send the browser to the login page', async () => {
      for (const response of [
        await fetch(`${t.url}/account/consents`, { redirect: 'manual' }),
        await fetch(`${t.url}/account/consents/cns_X/revoke`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'csrf=x',
        }),
      ]) {
        assert.equal(response.status, 303);
        assert.equal(response.headers.get('location'), '/account/login');
        assert.equal(response.headers.get('x-frame-options'), 'DENY');
      }
      const login = await fetch(`${t.url}/account/login`);
      const page = await login.text();
      assert.equal(login.status, 200);
      assert.equal(login.headers.get('cache-control'), 'no-store');
      assert.match(page, /<label for="username">/);
      assert.match(page, /<label for="password">/);
      assert.match(String(login.headers.get('set-cookie')), /^wekeza_account_csrf=[\w-]+; Path=\/account;/);
    });

    test('a forged, tampered or expired session cookie is no session', async () => {
      const browser = new TestBrowser();
      const cookie = sessionCookieOf(await accountLogin(browser, 'wanjiku'));
      assert.equal((await listWith(cookie)).status, 200);
      const [id, expiry, mac] = cookie.split('.') as [string, string, string];
      const key = deriveKey(t.config.masterKey, 'account-session');
      const past = new Date(Date.now() - 31 * 60_000);
      const forged = [
        `${customer('otieno').id}.${expiry}.${mac}`, // another customer
        `${id}.${Number(expiry) + 3600}.${mac}`, // a longer life
        `${id}.${expiry}.${mac.slice(0, -2)}AA`, // a changed MAC
        `${id}.${expiry}`, // no MAC
        createSessionCodec(Buffer.alloc(32, 7)).issue(id), // signed with another key
        createSessionCodec(key).issue(id, past), // genuine but expired
        'garbage',
      ];
      for (const value of forged) {
        const res = await listWith(value);
        assert.equal(res.status, 303, value);
        assert.equal(res.headers.get('location'), '/account/login');
      }
    });

    test('withdrawing without or with a wrong CSRF token is refused', async () => {
      const consentId = await newConsent();
      await authorize(consentId);
      const browser = new TestBrowser();
      await accountLogin(browser, 'wanjiku');
      const page = await (await browser.request(`${t.url}/account/consents`)).text();
      const url = `${t.url}/account/consents/${consentId}/revoke`;
      assert.ok(page.includes(`action="/account/consents/${consentId}/revoke"`));
      assert.equal((await browser.submit(url, {})).status, 403);
      assert.equal((await browser.submit(url, { csrf: 'x'.repeat(43) })).status, 403);
      // The token of another customer's session does not fit this one.
      const other = new TestBrowser();
      await accountLogin(other, 'otieno');
      const otherPage = await (await other.request(`${t.url}/account/consents`)).text();
      assert.equal((await browser.submit(url, { csrf: inputValue(otherPage, 'csrf') ?? '' })).status, 403);
      assert.equal(await statusOf(consentId), 'authorized');
    });

    test("another customer's consent, or one that does not exist, is not found", async () => {
      const consentId = await newConsent();
      await authorize(consentId);
      const browser = new TestBrowser();
      await accountLogin(browser, 'otieno');
      const page = await (await browser.request(`${t.url}/account/consents`)).text();
      assert.doesNotMatch(page, new RegExp(consentId), "wanjiku's consent is not on otieno's list");
      const csrf = inputValue(page, 'csrf') ?? '';
      const theirs = await browser.submit(`${t.url}/account/consents/${consentId}/revoke`, { csrf });
      assert.equal(theirs.status, 404);
      assert.match(await theirs.text(), /<h1>Not found<\/h1>/);
      const missing = await browser.submit(
        `${t.url}/account/consents/cns_00000000000000000000000000/revoke`,
        {
          csrf,
        },
      );
      assert.equal(missing.status, 404);
      assert.equal(await statusOf(consentId), 'authorized');
    });

    test('a wrong password is a generic 401, and a login without its CSRF token a 403', async () => {
      const browser = new TestBrowser();
      const wrong = await accountLogin(browser, 'wanjiku', 'not-her-password');
      assert.equal(wrong.status, 401);
      assert.match(await wrong.text(), /The username or password is not correct\./);
      assert.equal(wrong.headers.getSetCookie().filter((c) => c.startsWith('wekeza_account=')).length, 0);
      const unknown = await accountLogin(new TestBrowser(), 'nobody-here', 'whatever');
      assert.equal(unknown.status, 401);
      assert.match(await unknown.text(), /The username or password is not correct\./);

      const noCsrf = await new TestBrowser().submit(`${t.url}/account/login`, {
        username: 'wanjiku',
        password: PASSWORDS.wanjiku!,
      });
      assert.equal(noCsrf.status, 403);
      // A token without its cookie (another browser's) does not count either.
      const page = await (await fetch(`${t.url}/account/login`)).text();
      const stolen = await new TestBrowser().submit(`${t.url}/account/login`, {
        csrf: inputValue(page, 'csrf') ?? '',
        username: 'wanjiku',
        password: PASSWORDS.wanjiku!,
      });
      assert.equal(stolen.status, 403);
      assert.equal((await accountLogin(browser, 'wanjiku')).status, 303, 'then the right password logs in');
    });

    test('five wrong passwords lock the login, even against the right one', async () => {
      const browser = new TestBrowser();
      for (let i = 0; i < 5; i++) {
        assert.equal((await accountLogin(browser, 'achieng', 'wrong-password')).status, 401);
      }
      const locked = await accountLogin(browser, 'achieng');
      assert.equal(locked.status, 429);
      assert.match(await locked.text(), /locked/);
      assert.equal(
        (await accountLogin(browser, 'ACHIENG ', PASSWORDS.achieng)).status,
        429,
        'the same username, normalised',
      );
    });

    test('logging out clears the session cookie', async () => {
      const browser = new TestBrowser();
      await accountLogin(browser, 'wanjiku');
      const page = await (await browser.request(`${t.url}/account/consents`)).text();
      const out = await browser.submit(`${t.url}/account/logout`, { csrf: inputValue(page, 'csrf') ?? '' });
      assert.equal(out.status, 303);
      assert.equal(out.headers.get('location'), '/account/login');
      assert.match(
        String(out.headers.getSetCookie().find((c) => c.startsWith('wekeza_account='))),
        /Max-Age=0/,
      );
      assert.equal((await browser.request(`${t.url}/account/consents`)).status, 303);
    });
  });
}
