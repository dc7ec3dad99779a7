/**
 * @module Token endpoint benchmark: client-credentials grants per second (real client authentication
 * and ES256-signed JWT access tokens) against the platform on PostgreSQL, with a bare Fastify JSON
 * endpoint measured in the same run as the baseline. Usage: node bench/token.ts [--duration 10]
 * [--connections 50] [--database sqlite|postgres] [--workers 2]
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createTestDatabase } from '../src/test-support/backends.ts';
import { serve } from './servers.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    database: { type: 'string', default: 'postgres' },
    workers: { type: 'string', default: '1' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const workers = Number(values.workers);

async function json(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

const testDb = await createTestDatabase(values.database === 'sqlite' ? 'sqlite' : 'postgres');
const databaseUrl = testDb.config.kind === 'sqlite' ? `sqlite:${testDb.config.path}` : testDb.config.url;
const rows: string[] = [];
try {
  const bare = await serve('bare', 'sqlite::memory:');
  try {
    const r = await autocannon({ url: `${bare.url}/livez`, duration, connections });
    rows.push(
      `| bare Fastify GET /livez (baseline) | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`,
    );
  } finally {
    await bare.stop();
  }

  const server = await serve('wekeza', databaseUrl, workers);
  try {
    await json(`${server.url}/developer/register`, {
      email: 'bench@example.com',
      password: 'bench-password-123',
      name: 'Bench',
    });
    const { token } = await json(`${server.url}/developer/login`, {
      email: 'bench@example.com',
      password: 'bench-password-123',
    });
    const app = await json(
      `${server.url}/developer/apps`,
      { name: 'Bench app', redirect_uris: ['https://bench.example/cb'], scopes: ['accounts.read'] },
      String(token),
    );
    const basic = Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64');
    const r = await autocannon({
      url: `${server.url}/oauth2/token`,
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=accounts.read',
      duration,
      connections,
    });
    rows.push(
      `| Wekeza POST /oauth2/token (client credentials, ${testDb.config.kind}, ${workers} worker${workers > 1 ? 's' : ''}) | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`,
    );
  } finally {
    await server.stop();
  }
} finally {
  await testDb.drop();
}
process.stdout.write(
  `\nNode ${process.version}, ${connections} connections, ${duration} s each, servers in their own processes\n\n` +
    '| target | requests/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- |\n' +
    `${rows.join('\n')}\n`,
);
