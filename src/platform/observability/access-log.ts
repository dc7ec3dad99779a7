/**
 * @module One structured access-log line per request (request id, method, route template, status,
 * latency, bytes, and what other modules annotate) instead of Fastify's two; the request id is echoed in `x-request-id`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const annotations = new WeakMap<FastifyRequest, Readonly<Record<string, string | undefined>>>();

/**
 * Adds fields to the request's access-log line (the gateway adds app, customer and consent ids).
 * Cheaper than a child logger per request; never pass secrets or personal data.
 */
export function annotateAccessLog(
  request: FastifyRequest,
  fields: Readonly<Record<string, string | undefined>>,
) {
  annotations.set(request, { ...annotations.get(request), ...fields });
}

async function accessLog(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
  });
  app.addHook('onResponse', async (request, reply) => {
    const length = reply.getHeader('content-length');
    request.log.info(
      {
        ...annotations.get(request),
        method: request.method,
        route: request.routeOptions.url ?? null,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        latency_ms: Math.round(reply.elapsedTime * 100) / 100,
        bytes: typeof length === 'number' || typeof length === 'string' ? Number(length) : undefined,
      },
      'request completed',
    );
  });
}

/** Not encapsulated: its hooks apply to every route of the app. */
export const accessLogPlugin = fp(accessLog, { name: 'wekeza-access-log' });
