/**
 * @module Gateway read benchmark: an authenticated `GET /v1/accounts/{id}/balance` and a transactions
 * page (token check, live consent, scope, core banking read) against the platform on PostgreSQL, and a
 * bare Fastify route in the same run. Usage: node bench/accounts.ts [--duration 10] [--connections 50]
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import * as oidc from 'openid-client';
import { createTestDatabase } from '../src/test-support/backends.ts';
import { onboardFintech, postJson } from '../src/test-support/fintech.ts';
import { Report } from './report.ts';
import { serve } from './servers.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const REDIRECT_URI = 'https://bench.example/callback';

const report = new Report({ connections, duration });

const testDb = await createTestDatabase('postgres');
try {
  const bare = await serve('bare', 'sqlite::memory:');
  try {
    report.add(
      'bare Fastify GET /livez (baseline)',
      await autocannon({ url: `${bare.url}/livez`, duration, connections }),
    );
  } finally {
    await bare.stop();
  }
  if (testDb.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const server = await serve('wekeza', testDb.config.url);
  try {
    const fintech = await onboardFintech(server.url, {
      email: 'bench@fintech.example',
      redirectUri: REDIRECT_URI,
      scopes: ['openid', 'accounts.read', 'transactions.read'],
    });
    const customers = (await (await fetch(`${server.url}/sandbox/customers`)).json()) as {
      data: { username: string; accounts: { id: string }[] }[];
    };
    const accountId = customers.data.find((c) => c.username === 'wanjiku')!.accounts[0]!.id;
    const consentId = await fintech.createConsent(['accounts.read', 'transactions.read']);
    const verifier = oidc.randomPKCECodeVerifier();
    const result = await postJson(`${server.url}/sandbox/authorize`, {
      client_id: fintech.clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'openid accounts.read transactions.read',
      state: 's',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      consent_id: consentId,
      username: 'wanjiku',
      account_ids: [accountId],
    });
    const tokens = await oidc.authorizationCodeGrant(fintech.config, new URL(String(result.redirect_url)), {
      pkceCodeVerifier: verifier,
      expectedState: 's',
    });
    const headers = { authorization: `Bearer ${tokens.access_token}` };
    report.add(
      'Wekeza GET /v1/accounts/{id}/balance (PostgreSQL)',
      await autocannon({
        url: `${server.url}/v1/accounts/${accountId}/balance`,
        headers,
        duration,
        connections,
      }),
    );
    report.add(
      'Wekeza GET /v1/accounts/{id}/transactions?limit=50 (PostgreSQL)',
      await autocannon({
        url: `${server.url}/v1/accounts/${accountId}/transactions?limit=50`,
        headers,
        duration,
        connections,
      }),
    );
  } finally {
    await server.stop();
  }
} finally {
  await testDb.drop();
}
report.print();
