/**
 * @module HTTP benchmark: autocannon against the real platform on a real port (SQLite, seeded
 * sandbox) and, in the same run, a bare Fastify app answering the same JSON, as a baseline.
 * Usage: node bench/http.ts [--duration 10] [--connections 50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/index.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

async function measure(url: string) {
  const result = await autocannon({ url, duration, connections });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'wekeza-bench-'));
const rows: string[] = [];
try {
  const bare = Fastify();
  bare.get('/livez', async () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const config = loadConfig({
    LOG_LEVEL: 'warn',
    DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
    PORT: '0',
  });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  for (const [name, url] of [
    ['bare Fastify GET /livez (baseline)', `${bareUrl}/livez`],
    ['Wekeza GET /livez', `${appUrl}/livez`],
    ['Wekeza GET /sandbox/customers (DB read)', `${appUrl}/sandbox/customers`],
  ] as const) {
    const r = await measure(url);
    rows.push(`| ${name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  }
  await app.close();
  await bare.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(
  `\nNode ${process.version}, ${connections} connections, ${duration} s each\n\n` +
    '| target | requests/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- |\n' +
    `${rows.join('\n')}\n`,
);
