import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { BACKENDS } from '../test-support/backends.ts';
import { inputValue, inputValues, TestBrowser } from '../test-support/browser.ts';
import { onboardFintech } from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://budget.example/callback';

for (const backend of BACKENDS) {
  describe(`authorization code + PKCE through the login and consent pages [${backend}]`, () => {
    let t: TestServer;
    let config: oidc.Configuration;
    let appToken: string;
    let developerToken: string;

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

    const newConsent = async (scopes = ['accounts.read', 'transactions.read']) => {
      const expires = new Date(Date.now() + 30 * 86400_000).toISOString();
      const { status, body } = await json('/v1/consents', {
        method: 'POST',
        token: appToken,
        body: JSON.stringify({ scopes, expires_at: expires }),
      });
      assert.equal(status, 201, JSON.stringify(body));
      return String(body.id);
    };

    /** Drives the browser from the authorization URL to the login page; returns the page and its URL. */
    const startAuthorization = async (browser: TestBrowser, consentId: string) => {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT_URI,
        scope: 'openid profile accounts.read transactions.read',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        consent_id: consentId,
      });
      const { url: loginUrl, response } = await browser.follow(url.toString());
      assert.equal(response.status, 200);
      return { codeVerifier, state, loginUrl, loginPage: await response.text() };
    };

    const login = async (
      browser: TestBrowser,
      loginUrl: string,
      loginPage: string,
      password = 'sandbox-wanjiku-2026',
    ) =>
      browser.submit(`${loginUrl}/login`, {
        csrf: inputValue(loginPage, 'csrf') ?? '',
        username: 'wanjiku',
        password,
      });

    /** The whole browser flow for one consent, ending with the app's tokens. */
    const authorize = async (consentId: string, scope: string, browser = new TestBrowser(), cfg = config) => {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: REDIRECT_URI,
        scope,
        prompt: 'consent',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        consent_id: consentId,
      });
      let hop = await browser.follow(url.toString());
      let page = await hop.response.text();
      if (page.includes('name="username"')) {
        // No session yet in this browser: log in first.
        const afterLogin = await login(browser, hop.url, page);
        hop = await browser.follow(new URL(String(afterLogin.headers.get('location')), t.url).toString());
        page = await hop.response.text();
      }
      assert.equal(hop.response.status, 200, page);
      const approved = await browser.submit(`${hop.url}/consent`, {
        csrf: inputValue(page, 'csrf') ?? '',
        decision: 'approve',
        account_ids: inputValues(page, 'account_ids').slice(0, 1),
      });
      const callback = await browser.follow(
        new URL(String(approved.headers.get('location')), t.url).toString(),
        (l) => l.startsWith(REDIRECT_URI),
      );
      assert.ok(callback.url.startsWith(REDIRECT_URI), `ended at ${callback.url}`);
      return oidc.authorizationCodeGrant(cfg, new URL(callback.url), {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
      });
    };

    before(async () => {
      t = await startTestServer(backend);
      const fintech = await onboardFintech(t.url, {
        email: 'flow@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'profile', 'offline_access', 'accounts.read', 'transactions.read'],
      });
      developerToken = fintech.developerToken;
      config = fintech.config;
      appToken = fintech.appToken;
    });
    after(() => t?.close());

    test('a customer logs in, picks accounts, and the app gets tokens bound to the consent', async () => {
      const consentId = await newConsent();
      const browser = new TestBrowser();
      const { codeVerifier, state, loginUrl, loginPage } = await startAuthorization(browser, consentId);
      assert.match(loginPage, /name="username"/);
      assert.match(loginPage, /name="password"/);
      assert.match(loginPage, /Budget Buddy/);

      const afterLogin = await login(browser, loginUrl, loginPage);
      assert.equal(afterLogin.status, 303);
      const consentHop = await browser.follow(
        new URL(String(afterLogin.headers.get('location')), t.url).toString(),
      );
      const consentPage = await consentHop.response.text();
      assert.equal(consentHop.response.status, 200, consentPage);
      assert.match(consentPage, /Allow Budget Buddy to access your account\?/);
      assert.match(consentPage, /See your account details and balances/);
      assert.match(consentPage, /See your transactions/);
      const accountIds = inputValues(consentPage, 'account_ids');
      assert.ok(accountIds.length >= 2, 'the customer sees their accounts');

      const approved = await browser.submit(`${consentHop.url}/consent`, {
        csrf: inputValue(consentPage, 'csrf') ?? '',
        decision: 'approve',
        account_ids: [accountIds[0]!],
      });
      assert.equal(approved.status, 303);
      const callback = await browser.follow(
        new URL(String(approved.headers.get('location')), t.url).toString(),
        (l) => l.startsWith(REDIRECT_URI),
      );
      assert.ok(callback.url.startsWith(REDIRECT_URI), callback.url);

      const tokens = await oidc.authorizationCodeGrant(config, new URL(callback.url), {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
      });
      const access = decodeJwt(tokens.access_token);
      assert.equal(access.consent_id, consentId);
      assert.match(String(access.sub), /^cus_/);
      assert.deepEqual(String(access.scope).split(' ').sort(), ['accounts.read', 'transactions.read']);
      const claims = tokens.claims();
      assert.equal(claims?.sub, access.sub);
      assert.equal(claims?.name, 'Grace Wanjiku Njoroge');

      const consent = await json(`/v1/consents/${consentId}`, { token: appToken });
      assert.equal(consent.body.status, 'authorized');
      assert.equal(consent.body.customer_id, access.sub);
      assert.deepEqual(consent.body.account_ids, [accountIds[0]]);

      // The code is single-use.
      await assert.rejects(
        oidc.authorizationCodeGrant(config, new URL(callback.url), {
          pkceCodeVerifier: codeVerifier,
          expectedState: state,
        }),
        (err: unknown) => (err as { error?: string }).error === 'invalid_grant',
      );
    });

    test('introspection answers for JWT access tokens, and revoking the consent stops them and the refresh token', async () => {
      const consentId = await newConsent();
      const tokens = await authorize(consentId, 'openid offline_access accounts.read');
      assert.ok(tokens.refresh_token, 'offline_access gives a refresh token');
      const active = await oidc.tokenIntrospection(config, tokens.access_token);
      assert.equal(active.active, true);
      assert.equal(active.consent_id, consentId);
      assert.match(String(active.sub), /^cus_/);
      assert.equal(active.scope, 'accounts.read');
      const cc = await oidc.tokenIntrospection(config, appToken);
      assert.equal(cc.active, true);
      assert.equal(cc.client_id, config.clientMetadata().client_id);

      const otherApp = await json('/developer/apps', {
        method: 'POST',
        token: developerToken,
        body: JSON.stringify({ name: 'Nosy', redirect_uris: [REDIRECT_URI], scopes: ['accounts.read'] }),
      });
      const nosy = await oidc.discovery(
        new URL(t.url),
        String(otherApp.body.client_id),
        undefined,
        oidc.ClientSecretBasic(String(otherApp.body.client_secret)),
        { execute: [oidc.allowInsecureRequests] },
      );
      assert.equal(
        (await oidc.tokenIntrospection(nosy, tokens.access_token)).active,
        false,
        'only the own app',
      );

      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
      assert.equal(decodeJwt(refreshed.access_token).consent_id, consentId);
      assert.equal(
        refreshed.refresh_token ?? tokens.refresh_token,
        tokens.refresh_token,
        'no rotation by default',
      );

      const revoked = await json(`/v1/consents/${consentId}`, { method: 'DELETE', token: appToken });
      assert.equal(revoked.body.status, 'revoked');
      assert.equal((await oidc.tokenIntrospection(config, tokens.access_token)).active, false);
      assert.equal((await oidc.tokenIntrospection(config, refreshed.access_token)).active, false);
      await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), (err: unknown) => {
        assert.equal((err as { error?: string }).error, 'invalid_grant');
        return true;
      });
    });

    test('a second consent in the same browser session gets its own grant and its own tokens', async () => {
      const browser = new TestBrowser();
      const first = await newConsent();
      const second = await newConsent(['accounts.read']);
      const one = await authorize(first, 'openid accounts.read transactions.read', browser);
      const two = await authorize(second, 'openid accounts.read', browser);
      assert.equal(decodeJwt(one.access_token).consent_id, first);
      assert.equal(decodeJwt(two.access_token).consent_id, second);
      assert.equal(decodeJwt(two.access_token).scope, 'accounts.read');
      await json(`/v1/consents/${first}`, { method: 'DELETE', token: appToken });
      assert.equal((await oidc.tokenIntrospection(config, one.access_token)).active, false);
      assert.equal(
        (await oidc.tokenIntrospection(config, two.access_token)).active,
        true,
        'the other consent lives on',
      );
    });

    test('refresh-token rotation is off by default and can be turned on per app', async () => {
      const created = await json('/developer/apps', {
        method: 'POST',
        token: developerToken,
        body: JSON.stringify({
          name: 'Rotator',
          redirect_uris: [REDIRECT_URI],
          scopes: ['openid', 'offline_access', 'accounts.read'],
          refresh_token_rotation: true,
        }),
      });
      const rotating = await oidc.discovery(
        new URL(t.url),
        String(created.body.client_id),
        undefined,
        oidc.ClientSecretBasic(String(created.body.client_secret)),
        { execute: [oidc.allowInsecureRequests] },
      );
      const token = (await oidc.clientCredentialsGrant(rotating, { scope: 'accounts.read' })).access_token;
      const expires = new Date(Date.now() + 86400_000).toISOString();
      const consent = await json('/v1/consents', {
        method: 'POST',
        token,
        body: JSON.stringify({ scopes: ['accounts.read'], expires_at: expires }),
      });
      const tokens = await authorize(
        String(consent.body.id),
        'openid offline_access accounts.read',
        new TestBrowser(),
        rotating,
      );
      const next = await oidc.refreshTokenGrant(rotating, tokens.refresh_token!);
      assert.ok(
        next.refresh_token && next.refresh_token !== tokens.refresh_token,
        'a new refresh token each time',
      );
      // Sent by many requests at once, a rotating refresh token is still rotated once, and the replay
      // revokes the grant: the one new refresh token is refused too.
      const settled = await Promise.allSettled(
        Array.from({ length: 12 }, () => oidc.refreshTokenGrant(rotating, next.refresh_token!)),
      );
      const won = settled.filter((s) => s.status === 'fulfilled');
      assert.equal(won.length, 1, `one rotation, not ${won.length}`);
      for (const s of settled) {
        if (s.status === 'rejected') assert.equal((s.reason as { error?: string }).error, 'invalid_grant');
      }
      await assert.rejects(
        oidc.refreshTokenGrant(rotating, won[0]!.value.refresh_token!),
        (err: { error?: string }) => err.error === 'invalid_grant',
      );
    });

    test('the revocation endpoint revokes a single access token', async () => {
      const consentId = await newConsent();
      const tokens = await authorize(consentId, 'openid accounts.read');
      const stranger = await onboardFintech(t.url, {
        email: 'stranger@fintech.example',
        redirectUri: REDIRECT_URI,
        scopes: ['accounts.read'],
      });
      await oidc.tokenRevocation(stranger.config, tokens.access_token).catch(() => undefined);
      assert.equal(
        (await oidc.tokenIntrospection(config, tokens.access_token)).active,
        true,
        'not by another app',
      );
      await oidc.tokenRevocation(config, tokens.access_token);
      assert.equal((await oidc.tokenIntrospection(config, tokens.access_token)).active, false);
      const other = (await oidc.clientCredentialsGrant(config, { scope: 'accounts.read' })).access_token;
      assert.equal((await oidc.tokenIntrospection(config, other)).active, true, 'other tokens are untouched');
    });

    test('an OpenID login without account access gets the customer claims from userinfo', async () => {
      const browser = new TestBrowser();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT_URI,
        scope: 'openid profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: 'login-only',
      });
      const start = await browser.follow(url.toString());
      const afterLogin = await login(browser, start.url, await start.response.text());
      const hop = await browser.follow(new URL(String(afterLogin.headers.get('location')), t.url).toString());
      const page = await hop.response.text();
      assert.match(page, /Know your name/);
      assert.doesNotMatch(page, /account_ids/, 'no accounts are offered without a consent');
      const approved = await browser.submit(`${hop.url}/consent`, {
        csrf: inputValue(page, 'csrf') ?? '',
        decision: 'approve',
      });
      const callback = await browser.follow(
        new URL(String(approved.headers.get('location')), t.url).toString(),
        (l) => l.startsWith(REDIRECT_URI),
      );
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callback.url), {
        pkceCodeVerifier: codeVerifier,
        expectedState: 'login-only',
      });
      const sub = String(tokens.claims()?.sub);
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, sub);
      assert.equal(userinfo.name, 'Grace Wanjiku Njoroge');
      assert.equal(userinfo.email, undefined, 'only the claims of the granted scopes');
    });

    test('an authorisation asking for more than its consent allows is refused, and the consent stays undecided', async () => {
      const consentId = await newConsent(['accounts.read']);
      const verifier = oidc.randomPKCECodeVerifier();
      const customers = await json('/sandbox/customers');
      const wanjiku = (customers.body.data as { username: string; accounts: { id: string }[] }[]).find(
        (c) => c.username === 'wanjiku',
      )!;
      const res = await fetch(`${t.url}/sandbox/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          client_id: config.clientMetadata().client_id,
          redirect_uri: REDIRECT_URI,
          scope: 'openid accounts.read transactions.read',
          state: 's',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          consent_id: consentId,
          username: 'wanjiku',
          account_ids: [wanjiku.accounts[0]!.id],
        }),
      });
      const body = (await res.json()) as { code?: string; detail?: string };
      assert.equal(res.status, 422);
      assert.match(String(body.detail), /more than this consent allows \(transactions\.read\)/);
      const consent = await json(`/v1/consents/${consentId}`, { token: appToken });
      assert.equal(consent.body.status, 'awaiting_authorization', 'nothing was decided');
    });

    test('a consent can be authorised only once', async () => {
      const consentId = await newConsent();
      const browser = new TestBrowser();
      const first = await startAuthorization(browser, consentId);
      const afterLogin = await login(browser, first.loginUrl, first.loginPage);
      const hop = await browser.follow(new URL(String(afterLogin.headers.get('location')), t.url).toString());
      const page = await hop.response.text();
      await browser.submit(`${hop.url}/consent`, {
        csrf: inputValue(page, 'csrf') ?? '',
        decision: 'approve',
        account_ids: inputValues(page, 'account_ids').slice(0, 1),
      });
      const again = new TestBrowser();
      const second = await startAuthorization(again, consentId);
      const login2 = await login(again, second.loginUrl, second.loginPage);
      const hop2 = await again.follow(new URL(String(login2.headers.get('location')), t.url).toString());
      assert.equal(hop2.response.status, 400);
      assert.match(await hop2.response.text(), /can no longer be authorised/);
    });

    test('deny sends access_denied back to the app and rejects the consent', async () => {
      const consentId = await newConsent();
      const browser = new TestBrowser();
      const { loginUrl, loginPage } = await startAuthorization(browser, consentId);
      const afterLogin = await login(browser, loginUrl, loginPage);
      const hop = await browser.follow(new URL(String(afterLogin.headers.get('location')), t.url).toString());
      const page = await hop.response.text();
      const denied = await browser.submit(`${hop.url}/consent`, {
        csrf: inputValue(page, 'csrf') ?? '',
        decision: 'deny',
      });
      const callback = await browser.follow(
        new URL(String(denied.headers.get('location')), t.url).toString(),
        (l) => l.startsWith(REDIRECT_URI),
      );
      assert.equal(new URL(callback.url).searchParams.get('error'), 'access_denied');
      assert.equal((await json(`/v1/consents/${consentId}`, { token: appToken })).body.status, 'rejected');
    });

    test('forms without the CSRF token are refused', async () => {
      const consentId = await newConsent();
      const browser = new TestBrowser();
      const { loginUrl } = await startAuthorization(browser, consentId);
      const res = await browser.submit(`${loginUrl}/login`, {
        username: 'wanjiku',
        password: 'sandbox-wanjiku-2026',
      });
      assert.equal(res.status, 403);
    });

    test('repeated wrong passwords lock the account, even against the right one', async () => {
      const consentId = await newConsent();
      const browser = new TestBrowser();
      const { loginUrl, loginPage } = await startAuthorization(browser, consentId);
      const attempt = (password: string) =>
        browser.submit(`${loginUrl}/login`, {
          csrf: inputValue(loginPage, 'csrf') ?? '',
          username: 'otieno',
          password,
        });
      for (let i = 0; i < 5; i++) assert.equal((await attempt('wrong-password')).status, 401);
      const locked = await attempt('sandbox-otieno-2026');
      assert.equal(locked.status, 429);
      assert.match(await locked.text(), /locked/);
    });

    test('missing or plain PKCE and unregistered redirect URIs are refused', async () => {
      const base = {
        client_id: config.clientMetadata().client_id,
        response_type: 'code',
        scope: 'openid',
        state: 'x',
      };
      const noPkce = await fetch(
        `${t.url}/oauth2/authorize?${new URLSearchParams({ ...base, redirect_uri: REDIRECT_URI })}`,
        { redirect: 'manual' },
      );
      assert.match(String(noPkce.headers.get('location')), /error=invalid_request/);
      const plain = await fetch(
        `${t.url}/oauth2/authorize?${new URLSearchParams({ ...base, redirect_uri: REDIRECT_URI, code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' })}`,
        { redirect: 'manual' },
      );
      assert.match(String(plain.headers.get('location')), /error=invalid_request/);
      const wrongRedirect = await fetch(
        `${t.url}/oauth2/authorize?${new URLSearchParams({ ...base, redirect_uri: 'https://evil.example/cb', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' })}`,
        { redirect: 'manual' },
      );
      assert.equal(wrongRedirect.status, 400);
      assert.equal(wrongRedirect.headers.get('location'), null, 'never redirects to an unregistered URI');
    });
  });
}
