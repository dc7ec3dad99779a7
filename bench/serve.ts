/**
 * @module The bare Fastify baseline for the HTTP benchmarks, in its own process so that it does not
 * share an event loop with the load generator. Usage: node bench/serve.ts PORT
 */
import Fastify from 'fastify';

const app = Fastify();
app.get('/livez', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
