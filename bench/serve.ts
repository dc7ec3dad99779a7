/**
 * @module A server for the HTTP benchmark, in its own process so that it does not share an event
 * loop with the load generator: `bare` (plain Fastify) or `wekeza` (the platform) on a database URL.
 * Sends `{ port }` to the parent over IPC once listening.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/index.ts';

const [kind, databaseUrl = 'sqlite::memory:', port = '0'] = process.argv.slice(2);
let app: FastifyInstance;
if (kind === 'bare') {
  app = Fastify();
  app.get('/livez', async () => ({ status: 'ok' }));
} else {
  app = await buildApp(
    loadConfig({
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      WEKEZA_SANDBOX: 'true',
      PORT: port,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    }),
  );
}
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
