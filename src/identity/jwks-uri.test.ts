/**
 * Outside sandbox mode an app's `jwks_uri` must be somewhere the platform may connect to: a literal
 * loopback, private or reserved address is refused when the app is saved, and a host name that
 * resolves to one is refused before any connection when the token endpoint fetches the keys.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { after, before, test } from 'node:test';
import { importJWK, SignJWT } from 'jose';
import { blockedKind } from '../platform/index.ts';
import { postJson } from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

/** This machine's name: it resolves (hosts file or DNS) to one of its own, non-public addresses. */
const INTERNAL_HOST = hostname();
let t: TestServer;
let listener: Server;
let port: number;
const connections: string[] = [];
let developerToken: string;

before(async () => {
  // An "internal service" on this machine that records whoever connects.
  listener = createServer((socket) => {
    connections.push(String(socket.remoteAddress));
    socket.destroy();
  }).listen(0, '0.0.0.0');
  await new Promise((r) => listener.once('listening', r));
  port = (listener.address() as { port: number }).port;
  t = await startTestServer('sqlite', { WEKEZA_SANDBOX: 'false' });
  const developer = { email: 'keys@fintech.example', password: 'correct horse battery staple' };
  await postJson(`${t.url}/developer/register`, { ...developer, name: 'Keys' });
  developerToken = String((await postJson(`${t.url}/developer/login`, developer)).token);
});
after(async () => {
  await t?.close();
  listener?.close();
});

const newApp = (jwksUri: string) =>
  fetch(`${t.url}/developer/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${developerToken}` },
    body: JSON.stringify({
      name: 'Keys',
      redirect_uris: ['https://keys.fintech.example/cb'],
      scopes: ['openid', 'accounts.read'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks_uri: jwksUri,
    }),
  });

test('a jwks_uri at a loopback, private or reserved address, or localhost, is refused when saved', async () => {
  for (const uri of [
    `https://127.0.0.1:${port}/jwks`,
    'https://10.1.2.3/jwks',
    'https://169.254.169.254/latest',
    'https://[::1]/jwks',
    'https://localhost/jwks',
  ]) {
    const res = await newApp(uri);
    const body = (await res.json()) as { code?: string; errors?: { path: string }[] };
    assert.deepEqual([res.status, body.code], [400, 'INVALID_JWKS'], uri);
    assert.equal(body.errors?.[0]?.path, '/body/jwks_uri');
  }
});

test('a jwks_uri whose host resolves to an internal address is refused before connecting', async (context) => {
  // Only where this machine's name is one of its own non-public addresses (or none): the test must
  // not make the platform connect anywhere else.
  const addresses = await lookup(INTERNAL_HOST, { all: true }).catch(() => []);
  if (!addresses.every((a) => blockedKind(a.address) !== null)) {
    context.skip(`${INTERNAL_HOST} resolves to a public address here`);
    return;
  }
  const res = await newApp(`https://${INTERNAL_HOST}:${port}/jwks`);
  assert.equal(res.status, 201);
  const app = (await res.json()) as { client_id: string };
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = await importJWK(privateKey.export({ format: 'jwk' }) as Record<string, string>, 'ES256');
  for (let i = 0; i < 3; i++) {
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(app.client_id)
      .setSubject(app.client_id)
      .setAudience(`${t.url}/oauth2/token`)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key);
    const token = await fetch(`${t.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'accounts.read',
        client_id: app.client_id,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
    });
    const body = (await token.json()) as { error?: string };
    assert.ok(token.status >= 400 && token.status < 500, `a client error, not ${token.status}`);
    assert.equal(body.error, 'invalid_client');
  }
  assert.deepEqual(connections, [], 'nothing connected to the internal address');
});
