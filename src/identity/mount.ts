/**
 * @module Mounts the authorisation server in Fastify: only its own paths (`/oauth2/*` and discovery)
 * reach it, so our pages and APIs stay outside its mount. No Fastify body parser runs on them: the
 * provider reads the raw request itself. Hooks registered before this plugin (request ids, logs,
 * metrics, and rate limits later) cover its endpoints too.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';

export async function oauthRoutes(app: FastifyInstance, opts: { provider: Provider }): Promise<void> {
  const callback = opts.provider.callback();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    callback(request.raw, reply.raw);
  };
  for (const url of ['/.well-known/openid-configuration', '/oauth2/*']) {
    app.route({ method: ['GET', 'POST', 'OPTIONS'], url, schema: { hide: true }, handler });
  }
}
