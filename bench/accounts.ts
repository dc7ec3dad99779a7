/**
 * @module Gateway read benchmark: an authenticated `GET /v1/accounts/{id}/balance` and a transactions
 * page through the whole gateway pipeline (cached token verification, revocation/consent/app check
 * and rate limiting in Redis, balance cache, access log, usage metering, audit trail) against the
 * platform on PostgreSQL + Redis, and a bare Fastify route answering a constant in the same run.
 *
 * The app is moved (with the operator CLI) to a `bench` tier whose limits are out of reach: the
 * rate limiter still counts every request, it just never refuses one.
 *
 * The targets are measured in rounds, each round the baseline, the balance and the page one after
 * the other, and each is reported by its median round: these virtual machines' speed drifts by tens
 * of per cent within minutes, and alternating spreads the drift over all three alike.
 *
 * Usage: node bench/accounts.ts [--duration 10] [--connections 50] [--workers 1] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { createTestDatabase } from '../src/test-support/backends.ts';
import { customerToken, onboardFintech, sandboxCustomers } from '../src/test-support/fintech.ts';
import { measure, Report } from './report.ts';
import { BASELINE, moveToTier, serve } from './servers.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    workers: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const workers = Number(values.workers);
const rounds = Number(values.rounds);
const REDIRECT_URI = 'https://bench.example/callback';
const REDIS_URL = 'redis://127.0.0.1:6379';
const TIERS = 'standard=6000/600,bench=100000000/100000000';

const report = new Report({ connections, duration });

const testDb = await createTestDatabase('postgres');
try {
  if (testDb.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const databaseUrl = testDb.config.url;
  const env = {
    REDIS_URL,
    WEKEZA_RATE_LIMITS: TIERS,
  };
  const bare = await serve('bare', 'sqlite::memory:');
  const server = await serve('wekeza', databaseUrl, workers, env).catch(async (err) => {
    await bare.stop();
    throw err;
  });
  try {
    const fintech = await onboardFintech(server.url, {
      email: 'bench@fintech.example',
      redirectUri: REDIRECT_URI,
      scopes: ['openid', 'accounts.read', 'transactions.read'],
    });
    moveToTier(databaseUrl, fintech.clientId, 'bench', env);
    const customers = await sandboxCustomers(server.url);
    const accountId = customers.find((c) => c.username === 'wanjiku')!.accounts[0]!.id;
    const { token } = await customerToken(server.url, fintech, {
      scopes: ['accounts.read', 'transactions.read'],
      accountIds: [accountId],
      redirectUri: REDIRECT_URI,
    });
    const headers = { authorization: `Bearer ${token}` };
    const label = `PostgreSQL + Redis, ${workers} worker${workers > 1 ? 's' : ''}`;
    const balanceUrl = `${server.url}/v1/accounts/${accountId}/balance`;
    const check = await fetch(balanceUrl, { headers });
    if (check.status !== 200) throw new Error(`balance answered ${check.status}: ${await check.text()}`);
    const targets: [string, string][] = [
      [BASELINE, `${bare.url}/livez`],
      [`Wekeza GET /v1/accounts/{id}/balance (${label})`, balanceUrl],
      [
        `Wekeza GET /v1/accounts/{id}/transactions?limit=50 (${label})`,
        `${server.url}/v1/accounts/${accountId}/transactions?limit=50`,
      ],
    ];
    for (let round = 1; round <= rounds; round++) {
      for (const [name, url] of targets) {
        const measured = await measure({ url, headers, duration, connections });
        process.stderr.write(`round ${round}: ${name}: ${Math.round(measured.rps)} requests/s\n`);
        report.add(name, measured);
      }
    }
  } finally {
    await server.stop();
    await bare.stop();
  }
} finally {
  await testDb.drop();
}
report.print();
