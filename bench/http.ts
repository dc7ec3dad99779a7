/**
 * @module HTTP benchmark: autocannon against the real platform on a real port (SQLite, seeded
 * sandbox) and, in the same run, a bare Fastify app answering the same JSON, as a baseline. Each
 * server runs in its own process (bench/serve.ts); the load generator runs here.
 * Usage: node bench/http.ts [--duration 10] [--connections 50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { serve } from './servers.ts';

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
  for (const [kind, name, path] of [
    ['bare', 'bare Fastify GET /livez (baseline)', '/livez'],
    ['wekeza', 'Wekeza GET /livez', '/livez'],
    ['wekeza', 'Wekeza GET /sandbox/customers (DB read)', '/sandbox/customers'],
  ] as const) {
    const server = await serve(kind, `sqlite:${join(dir, 'bench.db')}`);
    try {
      const r = await measure(`${server.url}${path}`);
      rows.push(
        `| ${name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${r.errors} |`,
      );
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(
  `\nNode ${process.version}, ${connections} connections, ${duration} s each, server and load generator in separate processes\n\n` +
    '| target | requests/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- |\n' +
    `${rows.join('\n')}\n`,
);
