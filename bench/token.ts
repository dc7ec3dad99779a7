/**
 * @module Token endpoint benchmark: client-credentials grants per second (real client authentication
 * and ES256-signed JWT access tokens) against the platform on PostgreSQL, with a bare Fastify JSON
 * endpoint measured in the same run as the baseline. Usage: node bench/token.ts [--duration 10]
 * [--connections 50] [--database sqlite|postgres] [--workers 2]
 */
import { parseArgs } from 'node:util';
import { createTestDatabase } from '../src/test-support/backends.ts';
import { onboardFintech } from '../src/test-support/fintech.ts';
import { measure, Report } from './report.ts';
import { measureBaseline, serve } from './servers.ts';

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

const testDb = await createTestDatabase(values.database === 'sqlite' ? 'sqlite' : 'postgres');
const databaseUrl = testDb.config.kind === 'sqlite' ? `sqlite:${testDb.config.path}` : testDb.config.url;
const report = new Report({ connections, duration });
try {
  await measureBaseline(report, { duration, connections });

  const server = await serve('wekeza', databaseUrl, workers);
  try {
    const app = await onboardFintech(server.url, {
      email: 'bench@fintech.example',
      redirectUri: 'https://bench.example/cb',
      scopes: ['accounts.read'],
    });
    const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64');
    report.add(
      `Wekeza POST /oauth2/token (client credentials, ${testDb.config.kind}, ${workers} worker${workers > 1 ? 's' : ''})`,
      await measure({
        url: `${server.url}/oauth2/token`,
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&scope=accounts.read',
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
