/**
 * @module Health: `/livez` answers while the process runs; `/readyz` checks the database and,
 * when configured, Redis and RabbitMQ, each within a short timeout, and answers 503 if one is down.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

export type Check = () => Promise<void>;

const CHECK_TIMEOUT_MS = 2000;

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Optional(Type.Record(Type.String(), Type.String())),
});

async function run(check: Check): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (err) {
    return `failed: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`;
  } finally {
    clearTimeout(timer);
  }
}

export async function healthPlugin(
  app: FastifyInstance,
  opts: { checks: Record<string, Check> },
): Promise<void> {
  app.get(
    '/livez',
    { schema: { tags: ['health'], summary: 'Liveness: the process is up', response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database and configured services are reachable',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const names = Object.keys(opts.checks);
      const results = await Promise.all(names.map((name) => run(opts.checks[name] as Check)));
      const checks = Object.fromEntries(names.map((name, i) => [name, results[i] as string]));
      const ok = results.every((r) => r === 'ok');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
    },
  );
}
