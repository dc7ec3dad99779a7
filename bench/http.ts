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
import { measure, Report } from './report.ts';
import { serve } from './servers.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

const dir = mkdtempSync(join(tmpdir(), 'wekeza-bench-'));
const report = new Report({ connections, duration });
try {
  for (const [kind, name, path] of [
    ['bare', 'bare Fastify GET /livez (baseline)', '/livez'],
    ['wekeza', 'Wekeza GET /livez', '/livez'],
    ['wekeza', 'Wekeza GET /sandbox/customers (DB read)', '/sandbox/customers'],
  ] as const) {
    const server = await serve(kind, `sqlite:${join(dir, 'bench.db')}`);
    try {
      report.add(name, await measure({ url: `${server.url}${path}`, duration, connections }));
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
report.print();
