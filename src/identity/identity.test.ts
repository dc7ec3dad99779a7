import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { openDatabase } from '../platform/index.ts';
import { startTestApp } from '../test-support/app.ts';
import { BACKENDS } from '../test-support/backends.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

/** openid-client reports a 401 with a WWW-Authenticate challenge; the OAuth error is in it. */
const oauthError = (expected: string) => (err: unknown) => {
  const e = err as { error?: string; cause?: { parameters?: { error?: string } }[] };
  assert.equal(e.error ?? e.cause?.[0]?.parameters?.error, expected, String(err));
  return true;
};

interface CreatedApp {
  client_id: string;
  client_secret: string;
}

for (const backend of BACKENDS) {
  describe(`authorisation server [${backend}]`, () => {
    let t: TestServer;
    let app: CreatedApp;
    let developerToken: string;
    const discover = (clientId: string, secret: string, auth = oidc.ClientSecretBasic(secret)) =>
      oidc.discovery(new URL(t.url), clientId, undefined, auth, { execute: [oidc.allowInsecureRequests] });

    before(async () => {
      t = await startTestServer(backend);
      const post = async (path: string, body: unknown, token?: string) => {
        const res = await fetch(`${t.url}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        });
        assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
        return res.json() as Promise<Record<string, unknown>>;
      };
      await post('/developer/register', {
        email: 'dev@fintech.example',
        password: 'correct horse battery',
        name: 'Dev',
      });
      developerToken = String(
        (await post('/developer/login', { email: 'dev@fintech.example', password: 'correct horse battery' }))
          .token,
      );
      app = (await post(
        '/developer/apps',
        {
          name: 'Budget Buddy',
          redirect_uris: ['https://budget.example/callback'],
          scopes: ['openid', 'accounts.read', 'transactions.read'],
        },
        developerToken,
      )) as unknown as CreatedApp;
    });
    after(() => t?.close());

    test('discovery advertises our endpoints, S256 PKCE only, and the supported grants', async () => {
      const config = await discover(app.client_id, app.client_secret);
      const meta = config.serverMetadata();
      assert.equal(meta.issuer, t.url);
      assert.equal(meta.token_endpoint, `${t.url}/oauth2/token`);
      assert.equal(meta.jwks_uri, `${t.url}/oauth2/jwks`);
      assert.equal(meta.introspection_endpoint, `${t.url}/oauth2/introspect`);
      assert.equal(meta.revocation_endpoint, `${t.url}/oauth2/revoke`);
      assert.equal(meta.pushed_authorization_request_endpoint, `${t.url}/oauth2/par`);
      assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
      assert.ok(meta.grant_types_supported?.includes('client_credentials'));
      assert.deepEqual([...(meta.token_endpoint_auth_methods_supported ?? [])].sort(), [
        'client_secret_basic',
        'client_secret_post',
        'private_key_jwt',
      ]);
      for (const scope of ['openid', 'accounts.read', 'transactions.read', 'payments.write']) {
        assert.ok(meta.scopes_supported?.includes(scope), scope);
      }
      // The API checks no DPoP proof, so no token is DPoP-bound in name only.
      assert.equal(meta.dpop_signing_alg_values_supported, undefined);
    });

    test('a NUL character in an OAuth form parameter is an invalid_request, not a server error', async () => {
      for (const path of ['/oauth2/token', '/oauth2/par', '/oauth2/introspect', '/oauth2/revoke']) {
        const res = await fetch(`${t.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `client_id=${app.client_id}%00&client_secret=x&grant_type=client_credentials&token=a%00b`,
        });
        assert.equal(res.status, 400, path);
        assert.equal(((await res.json()) as { error: string }).error, 'invalid_request', path);
      }
      // Well-formed forms still reach the provider (a wrong secret is its own 401).
      const wrong = await fetch(`${t.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `client_id=${app.client_id}&client_secret=wrong&grant_type=client_credentials`,
      });
      assert.equal(wrong.status, 401);
      assert.equal(((await wrong.json()) as { error: string }).error, 'invalid_client');
    });

    test('client credentials issue an ES256 JWT access token for the API audience', async () => {
      const config = await discover(app.client_id, app.client_secret);
      const tokens = await oidc.clientCredentialsGrant(config, { scope: 'accounts.read' });
      assert.equal(tokens.token_type.toLowerCase(), 'bearer');
      assert.ok(tokens.expires_in && tokens.expires_in <= 600);
      assert.equal(decodeProtectedHeader(tokens.access_token).alg, 'ES256');
      const jwks = createRemoteJWKSet(new URL(`${t.url}/oauth2/jwks`));
      const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
        issuer: t.url,
        audience: `${t.url}/v1`,
      });
      assert.equal(protectedHeader.typ, 'at+jwt');
      assert.equal(payload.client_id, app.client_id);
      assert.equal(payload.scope, 'accounts.read');
    });

    test('the same secret works with client_secret_post', async () => {
      const config = await discover(
        app.client_id,
        app.client_secret,
        oidc.ClientSecretPost(app.client_secret),
      );
      const tokens = await oidc.clientCredentialsGrant(config, { scope: 'transactions.read' });
      assert.ok(tokens.access_token);
    });

    test('a wrong secret, an unknown client and an ungranted scope are refused', async () => {
      const wrong = await discover(app.client_id, `${app.client_secret.slice(0, -1)}x`);
      await assert.rejects(
        oidc.clientCredentialsGrant(wrong, { scope: 'accounts.read' }),
        oauthError('invalid_client'),
      );
      const unknown = await discover('app_00000000000000000000000000', app.client_secret);
      await assert.rejects(
        oidc.clientCredentialsGrant(unknown, { scope: 'accounts.read' }),
        oauthError('invalid_client'),
      );
      const config = await discover(app.client_id, app.client_secret);
      await assert.rejects(
        oidc.clientCredentialsGrant(config, { scope: 'payments.write' }),
        oauthError('invalid_scope'),
      );
    });

    test('JWKS publishes public keys only', async () => {
      const { keys } = (await (await fetch(`${t.url}/oauth2/jwks`)).json()) as {
        keys: Record<string, unknown>[];
      };
      assert.deepEqual(keys.map((k) => k.kty).sort(), ['EC', 'RSA']);
      for (const key of keys)
        for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.ok(!(member in key));
    });

    test('signing keys are stored sealed, never as plain JWKs', async () => {
      const database = openDatabase(t.config.database);
      try {
        const rows = await database
          .schema<{ signing_keys: { encrypted_jwk: string } }>('identity')
          .selectFrom('signing_keys')
          .select('encrypted_jwk')
          .execute();
        assert.equal(rows.length, 2);
        for (const row of rows) {
          assert.equal(row.encrypted_jwk.split('.').length, 3, 'iv.tag.ciphertext');
          assert.doesNotMatch(row.encrypted_jwk, /[{}"]/, 'not JSON');
        }
      } finally {
        await database.close();
      }
    });

    test('a suspended app gets no tokens and its live tokens stop working; reinstated, it works again', async () => {
      const database = openDatabase(t.config.database);
      const apps = database.schema<{ apps: { client_id: string; status: string } }>('developers');
      const config = await discover(app.client_id, app.client_secret);
      const live = (await oidc.clientCredentialsGrant(config, { scope: 'accounts.read' })).access_token;
      const createConsent = () =>
        fetch(`${t.url}/v1/consents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${live}` },
          body: JSON.stringify({
            scopes: ['accounts.read'],
            expires_at: new Date(Date.now() + 86400_000).toISOString(),
          }),
        });
      assert.equal((await createConsent()).status, 201);
      try {
        await apps
          .updateTable('apps')
          .set({ status: 'suspended' })
          .where('client_id', '=', app.client_id)
          .execute();
        await new Promise((resolve) => setTimeout(resolve, 1100)); // the token endpoint caches clients for 1 s
        await assert.rejects(
          oidc.clientCredentialsGrant(config, { scope: 'accounts.read' }),
          oauthError('invalid_client'),
        );
        assert.equal((await createConsent()).status, 401, 'a token issued before the suspension is refused');
        assert.equal(
          (await oidc.tokenIntrospection(config, live).catch(() => ({ active: false }))).active,
          false,
        );
        await apps
          .updateTable('apps')
          .set({ status: 'active' })
          .where('client_id', '=', app.client_id)
          .execute();
        await new Promise((resolve) => setTimeout(resolve, 1100)); // the token endpoint caches clients for 1 s
        assert.ok((await oidc.clientCredentialsGrant(config, { scope: 'accounts.read' })).access_token);
      } finally {
        await database.close();
      }
    });

    test('the development interaction pages of the library are off', async () => {
      const res = await fetch(
        `${t.url}/oauth2/authorize?client_id=${app.client_id}&response_type=code&scope=openid&redirect_uri=https://budget.example/callback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256`,
        { redirect: 'manual' },
      );
      assert.equal(res.status, 303, await res.text());
      assert.match(String(res.headers.get('location')), /^\/login\//);
    });
  });
}

describe('behind a TLS-terminating proxy', () => {
  const discovery = async (trustProxy: string) => {
    const t = await startTestApp('sqlite', {
      TRUST_PROXY: trustProxy,
      PUBLIC_URL: 'https://api.wekeza.example',
    });
    try {
      const res = await t.app.inject({
        url: '/.well-known/openid-configuration',
        headers: { host: 'api.wekeza.example', 'x-forwarded-proto': 'https' },
      });
      return res.json() as { issuer: string; token_endpoint: string };
    } finally {
      await t.close();
    }
  };

  test('with TRUST_PROXY the discovery document advertises https endpoints', async () => {
    const doc = await discovery('1');
    assert.equal(doc.issuer, 'https://api.wekeza.example');
    assert.equal(doc.token_endpoint, 'https://api.wekeza.example/oauth2/token');
  });

  test('without it, forwarded headers are not trusted', async () => {
    assert.equal((await discovery('false')).token_endpoint, 'http://api.wekeza.example/oauth2/token');
  });
});
