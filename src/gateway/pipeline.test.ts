import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Registry } from 'prom-client';
import { createAccessTokenVerifier, createJwtVerifier } from '../identity/access-tokens.ts';
import { errorHandler } from '../platform/http/problem.ts';
import { MemoryStore } from '../platform/index.ts';
import { AuditTrail } from './audit.ts';
import { gatewayMetrics } from './metrics.ts';
import { type GatewayRoute, gatewayOf, gatewayPipeline } from './pipeline.ts';
import { UsageMeter } from './usage.ts';
import { GatewayViews } from './views.ts';

const ISSUER = 'https://bank.example';
const AUDIENCE = `${ISSUER}/v1`;

/** The pipeline on its own, in front of two routes, with an app that can call them. */
async function harness() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const verify = createAccessTokenVerifier(createJwtVerifier(ISSUER, AUDIENCE, [jwk]), async () => false);
  const store = new MemoryStore();
  const views = new GatewayViews(
    store,
    {
      consent: async () => undefined,
      app: async (clientId) => ({
        clientId,
        status: 'active',
        revision: 1,
        rateLimitTier: 'standard',
        ipAllowlist: [],
      }),
      tokenRevoked: async () => false,
    },
    { consentMs: 60_000, appMs: 1000, revokedTokenMs: 60_000 },
    () => {},
  );
  const app = Fastify();
  app.setErrorHandler(errorHandler);
  // The usage meter and audit trail are not written to here: nothing is flushed.
  const noDb = {} as never;
  await app.register(gatewayPipeline, {
    verifyAccessToken: verify,
    views,
    store,
    tiers: { standard: { appPerMinute: 100, customerPerMinute: 10 } },
    usage: new UsageMeter(noDb),
    audit: new AuditTrail(noDb, () => {}),
    metrics: gatewayMetrics(new Registry()),
  });
  const deprecated: GatewayRoute = {
    token: 'client',
    deprecation: {
      since: '2026-06-01T00:00:00Z',
      sunset: '2027-06-01T00:00:00Z',
      link: 'https://bank.example/docs/v1-migration',
    },
  };
  app.get('/old', { config: { gateway: deprecated } }, async (request) => ({
    client: gatewayOf(request).clientId,
  }));
  app.get('/new', { config: { gateway: { token: 'client' } } }, async (request) => ({
    client: gatewayOf(request).clientId,
  }));
  const token = await new SignJWT({ client_id: 'app_1', scope: '' })
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('app_1')
    .setJti('j1')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
  return { app, token };
}

test('a deprecated route announces it with Deprecation, Sunset and a deprecation Link; others do not', async () => {
  const { app, token } = await harness();
  const old = await app.inject({ url: '/old', headers: { authorization: `Bearer ${token}` } });
  assert.equal(old.statusCode, 200);
  assert.equal(old.json().client, 'app_1');
  assert.equal(old.headers.deprecation, `@${Date.parse('2026-06-01T00:00:00Z') / 1000}`);
  assert.equal(old.headers.sunset, 'Tue, 01 Jun 2027 00:00:00 GMT');
  assert.equal(old.headers.link, '<https://bank.example/docs/v1-migration>; rel="deprecation"');
  assert.equal(old.headers['api-version'], '1.0');
  const current = await app.inject({ url: '/new', headers: { authorization: `Bearer ${token}` } });
  assert.equal(current.statusCode, 200);
  assert.equal(current.headers.deprecation, undefined);
  assert.equal(current.headers.sunset, undefined);
  // Deprecated routes still authenticate: no token, no answer.
  const anonymous = await app.inject({ url: '/old' });
  assert.equal(anonymous.statusCode, 401);
  assert.ok(anonymous.headers.deprecation, 'the announcement reaches even refused callers');
  await app.close();
});
