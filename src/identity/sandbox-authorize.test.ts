import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import { BACKENDS } from '../test-support/backends.ts';
import { inputValue, inputValues, TestBrowser } from '../test-support/browser.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://budget.example/callback';

for (const backend of BACKENDS) {
  describe(`sandbox authorize, PAR and private_key_jwt [${backend}]`, () => {
    let t: TestServer;
    let developerToken: string;

    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const res = await fetch(`${t.url}${path}`, {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    const newApp = async (extra: Record<string, unknown> = {}) => {
      const { status, body } = await call(
        'POST',
        '/developer/apps',
        {
          name: 'Budget Buddy',
          redirect_uris: [REDIRECT_URI],
          scopes: ['openid', 'accounts.read'],
          ...extra,
        },
        developerToken,
      );
      assert.equal(status, 201, JSON.stringify(body));
      return body as { client_id: string; client_secret?: string };
    };

    const discover = (clientId: string, auth: oidc.ClientAuth) =>
      oidc.discovery(new URL(t.url), clientId, undefined, auth, { execute: [oidc.allowInsecureRequests] });

    const newConsent = async (config: oidc.Configuration) => {
      const token = (await oidc.clientCredentialsGrant(config, { scope: 'accounts.read' })).access_token;
      const expires = new Date(Date.now() + 86400_000).toISOString();
      const { body } = await call(
        'POST',
        '/v1/consents',
        { scopes: ['accounts.read'], expires_at: expires },
        token,
      );
      return String(body.id);
    };

    const wanjikuAccounts = async () => {
      const { body } = await call('GET', '/sandbox/customers');
      const customers = body.data as { username: string; accounts: { id: string }[] }[];
      return {
        own: customers.find((c) => c.username === 'wanjiku')!.accounts.map((a) => a.id),
        other: customers.find((c) => c.username === 'otieno')!.accounts[0]!.id,
      };
    };

    before(async () => {
      t = await startTestServer(backend);
      await call('POST', '/developer/register', {
        email: 'sb@fintech.example',
        password: 'correct horse battery',
        name: 'SB',
      });
      developerToken = String(
        (
          await call('POST', '/developer/login', {
            email: 'sb@fintech.example',
            password: 'correct horse battery',
          })
        ).body.token,
      );
    });
    after(() => t?.close());

    test('POST /sandbox/authorize gives the code the browser flow would have, bound to the consent', async () => {
      const app = await newApp();
      const config = await discover(app.client_id, oidc.ClientSecretBasic(app.client_secret));
      const consentId = await newConsent(config);
      const verifier = oidc.randomPKCECodeVerifier();
      const { own, other } = await wanjikuAccounts();
      const request = {
        client_id: app.client_id,
        redirect_uri: REDIRECT_URI,
        scope: 'openid accounts.read',
        state: 'st-1',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        consent_id: consentId,
        username: 'wanjiku',
        account_ids: [own[0]],
      };
      const refused = await call('POST', '/sandbox/authorize', { ...request, account_ids: [other] });
      assert.equal(refused.status, 422);
      assert.equal(refused.body.code, 'SANDBOX_AUTHORIZATION_FAILED');

      const { status, body } = await call('POST', '/sandbox/authorize', request);
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.state, 'st-1');
      assert.ok(String(body.redirect_url).startsWith(`${REDIRECT_URI}?`));
      const tokens = await oidc.authorizationCodeGrant(config, new URL(String(body.redirect_url)), {
        pkceCodeVerifier: verifier,
        expectedState: 'st-1',
      });
      assert.equal(decodeJwt(tokens.access_token).consent_id, consentId);

      const again = await call('POST', '/sandbox/authorize', request);
      assert.equal(again.status, 422, 'a consent is authorised once');
      const stranger = await call('POST', '/sandbox/authorize', { ...request, username: 'nobody' });
      assert.equal(stranger.status, 400);
      const badRedirect = await call('POST', '/sandbox/authorize', {
        ...request,
        redirect_uri: 'https://evil.example/cb',
      });
      assert.equal(badRedirect.status, 422);
    });

    test('pushed authorization requests work, and an app can be made to require them', async () => {
      const app = await newApp({ require_pushed_authorization_requests: true });
      const config = await discover(app.client_id, oidc.ClientSecretBasic(app.client_secret));
      const consentId = await newConsent(config);
      const verifier = oidc.randomPKCECodeVerifier();
      const params = {
        redirect_uri: REDIRECT_URI,
        scope: 'openid accounts.read',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: 'par-1',
        consent_id: consentId,
      };
      const plain = await fetch(
        `${oidc.buildAuthorizationUrl(config, params)}`.replace(/^http:\/\/[^/]+/, t.url),
        { redirect: 'manual' },
      );
      assert.match(
        String(plain.headers.get('location')),
        /error=invalid_request/,
        'PAR is required for this app',
      );

      const url = await oidc.buildAuthorizationUrlWithPAR(config, params);
      assert.ok(url.searchParams.get('request_uri')?.startsWith('urn:ietf:params:oauth:request_uri:'));
      const browser = new TestBrowser();
      const start = await browser.follow(url.toString());
      const loginPage = await start.response.text();
      const afterLogin = await browser.submit(`${start.url}/login`, {
        csrf: inputValue(loginPage, 'csrf') ?? '',
        username: 'wanjiku',
        password: 'sandbox-wanjiku-2026',
      });
      const hop = await browser.follow(new URL(String(afterLogin.headers.get('location')), t.url).toString());
      const page = await hop.response.text();
      const approved = await browser.submit(`${hop.url}/consent`, {
        csrf: inputValue(page, 'csrf') ?? '',
        decision: 'approve',
        account_ids: inputValues(page, 'account_ids').slice(0, 1),
      });
      const callback = await browser.follow(
        new URL(String(approved.headers.get('location')), t.url).toString(),
        (l) => l.startsWith(REDIRECT_URI),
      );
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callback.url), {
        pkceCodeVerifier: verifier,
        expectedState: 'par-1',
      });
      assert.equal(decodeJwt(tokens.access_token).consent_id, consentId);
    });

    test('private_key_jwt authenticates an app by its own key, and a wrong key is refused', async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig', alg: 'ES256' };
      const app = await newApp({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } });
      const config = await discover(app.client_id, oidc.PrivateKeyJwt({ key: privateKey, kid: 'k1' }));
      const tokens = await oidc.clientCredentialsGrant(config, { scope: 'accounts.read' });
      assert.equal(decodeJwt(tokens.access_token).client_id, app.client_id);

      const other = await generateKeyPair('ES256');
      const wrong = await discover(app.client_id, oidc.PrivateKeyJwt({ key: other.privateKey, kid: 'k1' }));
      await assert.rejects(oidc.clientCredentialsGrant(wrong, { scope: 'accounts.read' }), (err: unknown) => {
        const e = err as { error?: string; cause?: { parameters?: { error?: string } }[] };
        assert.equal(e.error ?? e.cause?.[0]?.parameters?.error, 'invalid_client');
        return true;
      });
    });

    test('one client assertion sent by many token requests at once authenticates one of them', async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig', alg: 'ES256' };
      const app = await newApp({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } });
      const config = await discover(app.client_id, oidc.PrivateKeyJwt({ key: privateKey, kid: 'k1' }));
      const tokenEndpoint = config.serverMetadata().token_endpoint!;
      const assertion = await new SignJWT({ jti: `replay-${backend}` })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(app.client_id)
        .setSubject(app.client_id)
        .setAudience(tokenEndpoint)
        .setIssuedAt()
        .setExpirationTime('60s')
        .sign(privateKey);
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'accounts.read',
        client_id: app.client_id,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      });
      const answers = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const res = await fetch(tokenEndpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form,
          });
          return { status: res.status, body: (await res.json()) as { error?: string } };
        }),
      );
      assert.equal(
        answers.filter((a) => a.status === 200).length,
        1,
        JSON.stringify(answers.map((a) => a.status)),
      );
      for (const a of answers.filter((x) => x.status !== 200)) {
        assert.deepEqual([a.status, a.body.error], [401, 'invalid_client']);
      }
    });
  });
}
