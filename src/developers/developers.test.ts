import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { type Database, openDatabase } from '../platform/index.ts';
import { startTestApp, type TestApp } from '../test-support/app.ts';
import { BACKENDS } from '../test-support/backends.ts';
import { createDeveloperService, type DeveloperService } from './index.ts';
import type { DeveloperTables } from './tables.ts';

type Res = { headers: Record<string, unknown>; statusCode: number; body: string; json(): unknown };

const isProblem = (res: Res, status: number, code: string) => {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as { code: string; errors?: { path: string; message: string }[] };
  assert.equal(body.code, code);
  return body;
};

const pathsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

const PASSWORD = 'correct horse battery staple';
const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
const ecKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicJwk = () => ecKey().publicKey.export({ format: 'jwk' });
const privateJwk = () => ecKey().privateKey.export({ format: 'jwk' });

interface AppJson {
  client_id: string;
  client_secret?: string;
  name: string;
  redirect_uris: string[];
  scopes: string[];
  token_endpoint_auth_method: string;
  jwks_uri: string | null;
  jwks: { keys: Record<string, unknown>[] } | null;
  require_pushed_authorization_requests: boolean;
  refresh_token_rotation: boolean;
  status: string;
  created_at: string;
  updated_at: string;
}

/** The app over HTTP plus a second handle on its database, for the service's own calls and table checks. */
function harness(backend: (typeof BACKENDS)[number], env: Record<string, string> = {}) {
  const h = {} as {
    t: TestApp;
    database: Database;
    db: Kysely<DeveloperTables>;
    developers: DeveloperService;
  };
  let n = 0;
  before(async () => {
    h.t = await startTestApp(backend, env);
    h.database = openDatabase(h.t.config.database);
    h.db = h.database.schema<DeveloperTables>('developers');
    h.developers = createDeveloperService(h.database, h.t.config);
  });
  after(async () => {
    await h.database?.close();
    await h.t?.close();
  });

  const inject = (opts: InjectOptions | string) => h.t.app.inject(opts) as Promise<Res>;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Registers and logs in a fresh developer; answers their token and id. */
  async function signUp(): Promise<{ token: string; id: string; email: string }> {
    const email = `dev${++n}.${Date.now()}@example.com`;
    const reg = await inject({
      method: 'POST',
      url: '/developer/register',
      payload: { email, password: PASSWORD, name: 'Amani Dev' },
    });
    assert.equal(reg.statusCode, 201, reg.body);
    const login = await inject({
      method: 'POST',
      url: '/developer/login',
      payload: { email, password: PASSWORD },
    });
    assert.equal(login.statusCode, 200, login.body);
    const { token, developer } = login.json() as { token: string; developer: { id: string } };
    return { token, id: developer.id, email };
  }

  const createApp = (token: string, payload: Record<string, unknown> = {}) =>
    inject({
      method: 'POST',
      url: '/developer/apps',
      headers: auth(token),
      payload: {
        name: 'Budget Buddy',
        redirect_uris: ['https://buddy.example.com/callback'],
        scopes: ['openid', 'accounts.read'],
        ...payload,
      },
    });

  async function newApp(token: string, payload: Record<string, unknown> = {}): Promise<AppJson> {
    const res = await createApp(token, payload);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as AppJson;
  }

  const patchApp = (token: string, clientId: string, payload: Record<string, unknown>) =>
    inject({ method: 'PATCH', url: `/developer/apps/${clientId}`, headers: auth(token), payload });

  return { h, inject, auth, signUp, createApp, newApp, patchApp };
}

for (const backend of BACKENDS) {
  describe(`developers over HTTP, sandbox mode [${backend}]`, () => {
    const { h, inject, auth, signUp, createApp, newApp, patchApp } = harness(backend);

    test('five failed log-ins lock the email, even against the right password; parallel guesses count too', async () => {
      const { email } = await signUp();
      const login = (password: string) =>
        inject({ method: 'POST', url: '/developer/login', payload: { email, password } });
      for (let i = 0; i < 5; i++) assert.equal((await login(`wrong-password-${i}`)).statusCode, 401);
      const locked = await login(PASSWORD);
      assert.equal(locked.statusCode, 429, locked.body);
      assert.equal((locked.json() as { code: string }).code, 'LOGIN_LOCKED');

      // 20 guesses at once for another email: only five are checked; the rest are refused unchecked.
      const other = await signUp();
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          inject({
            method: 'POST',
            url: '/developer/login',
            payload: { email: other.email, password: `wrong-password-${i}` },
          }),
        ),
      );
      const statuses = guesses.map((g) => g.statusCode).sort();
      assert.deepEqual(statuses, [...Array(5).fill(401), ...Array(15).fill(429)]);
    });

    test('a developer registers, logs in and gets a 24-hour bearer token', async () => {
      const reg = await inject({
        method: 'POST',
        url: '/developer/register',
        payload: { email: 'Wanjiru@Example.COM', password: PASSWORD, name: 'Wanjiru' },
      });
      assert.equal(reg.statusCode, 201, reg.body);
      const developer = reg.json() as Record<string, string>;
      assert.match(developer.id!, /^dev_[0-9A-Z]{26}$/);
      assert.equal(developer.email, 'wanjiru@example.com');
      assert.deepEqual(Object.keys(developer).sort(), ['created_at', 'email', 'id', 'name']);

      const login = await inject({
        method: 'POST',
        url: '/developer/login',
        payload: { email: 'WANJIRU@example.com', password: PASSWORD },
      });
      assert.equal(login.statusCode, 200, login.body);
      const session = login.json() as {
        token: string;
        token_type: string;
        expires_at: string;
        developer: unknown;
      };
      assert.match(session.token, /^wdt_[A-Za-z0-9_-]{43}$/);
      assert.equal(session.token_type, 'Bearer');
      const ttl = Date.parse(session.expires_at) - Date.now();
      assert.ok(ttl > 23.9 * 3600_000 && ttl <= 24 * 3600_000, String(ttl));
      assert.deepEqual(session.developer, developer);

      const stored = await h.db
        .selectFrom('developers')
        .selectAll()
        .where('id', '=', developer.id!)
        .executeTakeFirstOrThrow();
      assert.match(stored.password_hash, /^scrypt\$/);
      const sessions = await h.db
        .selectFrom('developer_sessions')
        .selectAll()
        .where('developer_id', '=', developer.id!)
        .execute();
      assert.deepEqual(
        sessions.map((s) => s.token_digest),
        [sha256(session.token)],
        'only the token digest is stored',
      );
    });

    test('an app is created with its secret shown once and stored only as a digest', async () => {
      const { token } = await signUp();
      const created = await newApp(token);
      assert.match(created.client_id, /^app_[0-9A-Z]{26}$/);
      assert.match(created.client_secret!, /^wks_[A-Za-z0-9_-]{43}$/);
      assert.equal(created.token_endpoint_auth_method, 'client_secret_basic');
      assert.equal(created.require_pushed_authorization_requests, false);
      assert.equal(created.refresh_token_rotation, false);
      assert.equal(created.status, 'active');
      assert.equal(created.jwks, null);
      assert.equal(created.jwks_uri, null);

      const got = await inject({ url: `/developer/apps/${created.client_id}`, headers: auth(token) });
      assert.equal(got.statusCode, 200, got.body);
      const { client_secret, ...withoutSecret } = created;
      assert.deepEqual(got.json(), withoutSecret);
      assert.ok(!got.body.includes(client_secret!) && !got.body.includes('digest'));

      const list = await inject({ url: '/developer/apps', headers: auth(token) });
      assert.deepEqual(list.json(), { data: [withoutSecret] });

      const row = await h.db
        .selectFrom('apps')
        .selectAll()
        .where('client_id', '=', created.client_id)
        .executeTakeFirstOrThrow();
      assert.equal(row.secret_digest, sha256(client_secret!));
      assert.ok(
        !Object.values(row).some((v) => String(v).includes(client_secret!)),
        'the secret is not stored',
      );

      assert.equal(await h.developers.verifyClientSecret(created.client_id, client_secret!), true);
      assert.equal(
        await h.developers.verifyClientSecret(
          created.client_id,
          `${client_secret!.slice(0, -1)}${client_secret!.endsWith('A') ? 'B' : 'A'}`,
        ),
        false,
      );
      assert.equal(await h.developers.verifyClientSecret(created.client_id, ''), false);
      assert.equal(
        await h.developers.verifyClientSecret('app_00000000000000000000000000', client_secret!),
        false,
      );

      const client = await h.developers.findClient(created.client_id);
      assert.equal(client?.secretDigest, row.secret_digest);
      assert.deepEqual(client?.scopes, ['openid', 'accounts.read']);
    });

    test('rotating the secret retires the old one at once', async () => {
      const { token } = await signUp();
      const created = await newApp(token);
      const res = await inject({
        method: 'POST',
        url: `/developer/apps/${created.client_id}/rotate-secret`,
        headers: auth(token),
      });
      assert.equal(res.statusCode, 200, res.body);
      const rotated = res.json() as AppJson;
      assert.equal(rotated.client_id, created.client_id);
      assert.match(rotated.client_secret!, /^wks_/);
      assert.notEqual(rotated.client_secret, created.client_secret);
      assert.equal(await h.developers.verifyClientSecret(created.client_id, created.client_secret!), false);
      assert.equal(await h.developers.verifyClientSecret(created.client_id, rotated.client_secret!), true);
    });

    test('an update changes only the given fields, and keeps the app consistent', async () => {
      const { token } = await signUp();
      const created = await newApp(token);
      const patch = (payload: Record<string, unknown>) => patchApp(token, created.client_id, payload);

      const res = await patch({
        name: 'Budget Buddy 2',
        scopes: ['openid', 'transactions.read'],
        refresh_token_rotation: true,
      });
      assert.equal(res.statusCode, 200, res.body);
      const updated = res.json() as AppJson;
      assert.equal(updated.name, 'Budget Buddy 2');
      assert.deepEqual(updated.scopes, ['openid', 'transactions.read']);
      assert.equal(updated.refresh_token_rotation, true);
      assert.deepEqual(updated.redirect_uris, created.redirect_uris);
      assert.ok(updated.updated_at >= created.updated_at);
      assert.equal('client_secret' in updated, false);

      isProblem(await patch({}), 400, 'VALIDATION_FAILED');
      const noKeys = isProblem(
        await patch({ token_endpoint_auth_method: 'private_key_jwt' }),
        400,
        'INVALID_JWKS',
      );
      assert.deepEqual(pathsOf(noKeys), ['/body/jwks']);

      const jwk = publicJwk();
      const withKeys = await patch({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } });
      assert.equal(withKeys.statusCode, 200, withKeys.body);
      assert.deepEqual((withKeys.json() as AppJson).jwks, { keys: [jwk] });
      isProblem(await patch({ jwks: null }), 400, 'INVALID_JWKS');
      const toUri = await patch({ jwks: null, jwks_uri: 'https://buddy.example.com/jwks.json' });
      assert.equal(toUri.statusCode, 200, toUri.body);
      assert.equal((toUri.json() as AppJson).jwks, null);
    });

    test('two edits of one app at once each keep the other one’s change', async () => {
      const { token } = await signUp();
      const created = await newApp(token);
      const patch = (payload: Record<string, unknown>) => patchApp(token, created.client_id, payload);
      for (let round = 0; round < 10; round++) {
        assert.equal((await patch({ ip_allowlist: [] })).statusCode, 200);
        const answers = await Promise.all([
          patch({ ip_allowlist: ['203.0.113.7/32'] }),
          patch({ name: `Renamed ${round}` }),
        ]);
        for (const a of answers) assert.equal(a.statusCode, 200, a.body);
        const app = (await inject({
          url: `/developer/apps/${created.client_id}`,
          headers: auth(token),
        })) as Res;
        const now = app.json() as AppJson & { ip_allowlist: string[] };
        assert.deepEqual(
          [now.name, now.ip_allowlist],
          [`Renamed ${round}`, ['203.0.113.7/32']],
          `round ${round}: a rename at the same time did not undo the allow-list`,
        );
      }
    });

    test('a deleted app is gone for good', async () => {
      const { token } = await signUp();
      const created = await newApp(token);
      const del = await inject({
        method: 'DELETE',
        url: `/developer/apps/${created.client_id}`,
        headers: auth(token),
      });
      assert.equal(del.statusCode, 204);
      assert.equal(del.body, '');
      isProblem(
        await inject({ url: `/developer/apps/${created.client_id}`, headers: auth(token) }),
        404,
        'APP_NOT_FOUND',
      );
      isProblem(
        await inject({ method: 'DELETE', url: `/developer/apps/${created.client_id}`, headers: auth(token) }),
        404,
        'APP_NOT_FOUND',
      );
      assert.deepEqual((await inject({ url: '/developer/apps', headers: auth(token) })).json(), { data: [] });
      assert.equal(await h.developers.findClient(created.client_id), undefined);
      assert.equal(await h.developers.verifyClientSecret(created.client_id, created.client_secret!), false);
      const row = await h.db
        .selectFrom('apps')
        .select('deleted_at')
        .where('client_id', '=', created.client_id)
        .executeTakeFirst();
      assert.ok(row?.deleted_at, 'kept as a tombstone so the client id is never reused');
    });

    test('a registered email is taken whatever its case', async () => {
      const { email } = await signUp();
      const res = await inject({
        method: 'POST',
        url: '/developer/register',
        payload: { email: email.toUpperCase(), password: PASSWORD, name: 'Copycat' },
      });
      isProblem(res, 409, 'DEVELOPER_EMAIL_TAKEN');
    });

    test('registration refuses a short password, a bad email and unknown fields', async () => {
      const res = await inject({
        method: 'POST',
        url: '/developer/register',
        payload: { email: 'not-an-email', password: 'short', name: '', admin: true },
      });
      const body = isProblem(res, 400, 'VALIDATION_FAILED');
      for (const path of ['/body/email', '/body/password', '/body/name', '/body/admin'])
        assert.ok(pathsOf(body).includes(path), `${path} in ${pathsOf(body)}`);
    });

    test('a wrong password or an unknown email is the same 401', async () => {
      const { email } = await signUp();
      const wrong = await inject({
        method: 'POST',
        url: '/developer/login',
        payload: { email, password: `${PASSWORD}!` },
      });
      const unknown = await inject({
        method: 'POST',
        url: '/developer/login',
        payload: { email: 'nobody@example.com', password: PASSWORD },
      });
      const a = isProblem(wrong, 401, 'INVALID_CREDENTIALS');
      const b = isProblem(unknown, 401, 'INVALID_CREDENTIALS');
      assert.equal((a as { detail?: string }).detail, (b as { detail?: string }).detail);
    });

    test('the app routes need a live developer token, and say so with WWW-Authenticate', async () => {
      const { token } = await signUp();
      const cases: Record<string, string>[] = [
        {},
        { authorization: 'Bearer garbage' },
        { authorization: `Bearer wdt_${'A'.repeat(43)}` },
        { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
        { authorization: token },
      ];
      for (const headers of cases) {
        const res = await inject({ url: '/developer/apps', headers });
        isProblem(res, 401, 'UNAUTHENTICATED');
        assert.match(String(res.headers['www-authenticate']), /^Bearer /);
      }
      // Unauthenticated callers are refused before their body is even validated.
      const unauthenticatedCreate = await inject({
        method: 'POST',
        url: '/developer/apps',
        payload: { nonsense: 1 },
      });
      isProblem(unauthenticatedCreate, 401, 'UNAUTHENTICATED');
    });

    test('logging out ends the token, and tokens expire after 24 hours', async () => {
      const { token } = await signUp();
      const later = createDeveloperService(h.database, h.t.config, {
        now: () => new Date(Date.now() + 24 * 3600_000 + 1000),
      });
      assert.equal(await later.authenticate(token), null);
      assert.ok(await h.developers.authenticate(token));

      const out = await inject({ method: 'POST', url: '/developer/logout', headers: auth(token) });
      assert.equal(out.statusCode, 204);
      const res = await inject({ url: '/developer/apps', headers: auth(token) });
      isProblem(res, 401, 'UNAUTHENTICATED');
      assert.match(String(res.headers['www-authenticate']), /error="invalid_token"/);
      isProblem(
        await inject({ method: 'POST', url: '/developer/logout', headers: auth(token) }),
        401,
        'UNAUTHENTICATED',
      );
    });

    test("another developer's app is not found, for every verb", async () => {
      const owner = await signUp();
      const other = await signUp();
      const app = await newApp(owner.token);
      const url = `/developer/apps/${app.client_id}`;
      const attempts = [
        { method: 'GET' as const, url },
        { method: 'PATCH' as const, url, payload: { name: 'Mine now' } },
        { method: 'POST' as const, url: `${url}/rotate-secret` },
        { method: 'DELETE' as const, url },
      ];
      for (const attempt of attempts) {
        isProblem(await inject({ ...attempt, headers: auth(other.token) }), 404, 'APP_NOT_FOUND');
      }
      assert.deepEqual((await inject({ url: '/developer/apps', headers: auth(other.token) })).json(), {
        data: [],
      });
      const still = await inject({ url, headers: auth(owner.token) });
      assert.equal((still.json() as AppJson).name, 'Budget Buddy');
      assert.equal(await h.developers.verifyClientSecret(app.client_id, app.client_secret!), true);
    });

    test('sandbox mode allows http loopback redirect URIs, but never other http', async () => {
      const { token } = await signUp();
      const loopback = ['http://127.0.0.1:8080/callback', 'http://localhost:3000/cb', 'http://[::1]:9000/cb'];
      const created = await newApp(token, { redirect_uris: loopback });
      assert.deepEqual(created.redirect_uris, loopback);

      const body = isProblem(
        await createApp(token, {
          redirect_uris: ['https://ok.example.com/cb', 'http://buddy.example.com/cb'],
        }),
        400,
        'INVALID_REDIRECT_URI',
      );
      assert.deepEqual(pathsOf(body), ['/body/redirect_uris/1']);
      for (const bad of [
        'https://ok.example.com/cb#frag',
        'com.example.app:/cb',
        '/relative/cb',
        'https://u:p@ok.example.com/',
      ]) {
        const res = await createApp(token, { redirect_uris: [bad] });
        assert.deepEqual(
          pathsOf(isProblem(res, 400, 'INVALID_REDIRECT_URI')),
          ['/body/redirect_uris/0'],
          bad,
        );
      }
    });

    test('an unknown scope is refused naming its place', async () => {
      const { token } = await signUp();
      const body = isProblem(
        await createApp(token, { scopes: ['openid', 'admin'] }),
        400,
        'VALIDATION_FAILED',
      );
      assert.deepEqual(pathsOf(body), ['/body/scopes/1']);
      isProblem(await createApp(token, { scopes: [] }), 400, 'VALIDATION_FAILED');
    });

    test('private_key_jwt needs public keys: a JWK Set or an https jwks_uri', async () => {
      const { token } = await signUp();
      const method = { token_endpoint_auth_method: 'private_key_jwt' };
      assert.deepEqual(pathsOf(isProblem(await createApp(token, method), 400, 'INVALID_JWKS')), [
        '/body/jwks',
      ]);

      const privateKey = isProblem(
        await createApp(token, { ...method, jwks: { keys: [privateJwk()] } }),
        400,
        'INVALID_JWKS',
      );
      assert.deepEqual(pathsOf(privateKey), ['/body/jwks/keys/0/d']);
      const prototypeKty = await createApp(token, { ...method, jwks: { keys: [{ kty: 'constructor' }] } });
      assert.deepEqual(pathsOf(isProblem(prototypeKty, 400, 'INVALID_JWKS')), ['/body/jwks/keys/0/kty']);
      const symmetric = { kty: 'oct', k: 'c2VjcmV0' };
      isProblem(await createApp(token, { ...method, jwks: { keys: [symmetric] } }), 400, 'INVALID_JWKS');
      const httpUri = await createApp(token, { ...method, jwks_uri: 'http://buddy.example.com/jwks' });
      assert.deepEqual(pathsOf(isProblem(httpUri, 400, 'INVALID_JWKS')), ['/body/jwks_uri']);

      const jwk = publicJwk();
      const withKeys = await newApp(token, { ...method, jwks: { keys: [jwk] } });
      assert.equal(withKeys.token_endpoint_auth_method, 'private_key_jwt');
      assert.deepEqual(withKeys.jwks, { keys: [jwk] });
      const withUri = await newApp(token, { ...method, jwks_uri: 'https://buddy.example.com/jwks' });
      assert.equal(withUri.jwks_uri, 'https://buddy.example.com/jwks');
    });

    test('an unknown body field is refused', async () => {
      const { token } = await signUp();
      const body = isProblem(await createApp(token, { client_secret: 'mine' }), 400, 'VALIDATION_FAILED');
      assert.deepEqual(pathsOf(body), ['/body/client_secret']);
    });

    test('an operator can suspend and reinstate an app', async () => {
      const { token } = await signUp();
      const created = await newApp(token);
      const suspended = await h.developers.setAppStatus(created.client_id, 'suspended');
      assert.equal(suspended.status, 'suspended');
      assert.equal((await h.developers.findClient(created.client_id))?.status, 'suspended');
      const got = await inject({ url: `/developer/apps/${created.client_id}`, headers: auth(token) });
      assert.equal((got.json() as AppJson).status, 'suspended');
      assert.equal((await h.developers.setAppStatus(created.client_id, 'active')).status, 'active');
      await assert.rejects(h.developers.setAppStatus('app_00000000000000000000000000', 'suspended'), {
        code: 'APP_NOT_FOUND',
      });
    });

    test('the OpenAPI document describes the developer routes', async () => {
      const doc = (await inject('/openapi.json')).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      for (const path of ['/developer/register', '/developer/login', '/developer/logout', '/developer/apps'])
        assert.ok(doc.paths[path], path);
      const one = doc.paths['/developer/apps/{client_id}'];
      assert.ok(one?.get && one.patch && one.delete);
      assert.ok(doc.paths['/developer/apps/{client_id}/rotate-secret']?.post);
      assert.equal(doc.paths['/developer/apps/'], undefined);
    });
  });

  describe(`developers over HTTP, sandbox mode off [${backend}]`, () => {
    const { signUp, createApp, newApp } = harness(backend, { WEKEZA_SANDBOX: 'false' });

    test('only https redirect URIs are accepted', async () => {
      const { token } = await signUp();
      const res = await createApp(token, { redirect_uris: ['http://127.0.0.1:8080/callback'] });
      assert.deepEqual(pathsOf(isProblem(res, 400, 'INVALID_REDIRECT_URI')), ['/body/redirect_uris/0']);
      const localhost = await createApp(token, {
        redirect_uris: ['https://ok.example.com/cb', 'http://localhost/cb'],
      });
      assert.deepEqual(pathsOf(isProblem(localhost, 400, 'INVALID_REDIRECT_URI')), ['/body/redirect_uris/1']);
      const ok = await newApp(token, { redirect_uris: ['https://buddy.example.com/callback'] });
      assert.deepEqual(ok.redirect_uris, ['https://buddy.example.com/callback']);
    });
  });
}
