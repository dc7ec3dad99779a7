/**
 * @module One structured access-log line per request (request id, method, route template, status,
 * latency, bytes, and what other modules annotate) instead of Fastify's two; the request id is echoed in `x-request-id`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** What other modules added to this request's access-log line (see annotateAccessLog). */
    accessLogFields: Record<string, string | undefined> | null;
  }
}

/**
 * Adds fields to the request's access-log line (the gateway adds app, customer and consent ids).
 * Cheaper than a child logger per request; never pass secrets or personal data. (A request
 * decoration rather than a WeakMap: giving each new request an entry in a WeakMap cost more than the
 * rest of the annotation.)
 */
export function annotateAccessLog(
  request: FastifyRequest,
  fields: Readonly<Record<string, string | undefined>>,
) {
  if (request.accessLogFields) Object.assign(request.accessLogFields, fields);
  else request.accessLogFields = { ...fields };
}

async function accessLog(app: FastifyInstance): Promise<void> {
  app.decorateRequest('accessLogFields', null);
  // Callback-style hooks: they do nothing asynchronous, so they need no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const length = reply.getHeader('content-length');
    const query = request.url.indexOf('?');
    request.log.info(
      {
        ...request.accessLogFields,
        method: request.method,
        route: request.routeOptions.url ?? null,
        path: query < 0 ? request.url : request.url.slice(0, query),
        status: reply.statusCode,
        latency_ms: Math.round(reply.elapsedTime * 100) / 100,
        bytes: typeof length === 'number' || typeof length === 'string' ? Number(length) : undefined,
      },
      'request completed',
    );
    done();
  });
}

/** Not encapsulated: its hooks apply to every route of the app. */
export const accessLogPlugin = fp(accessLog, { name: 'wekeza-access-log' });
