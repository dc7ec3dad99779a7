/**
 * @module Mounts the authorisation server in Fastify: only its own paths (`/oauth2/*` and discovery)
 * reach it, so our pages and APIs stay outside its mount. Form bodies are read here, checked for NUL
 * characters and handed on as the text they were; on introspection and revocation the token is
 * wrapped first (see `wrapJwt`): oidc-provider refuses JWTs on those endpoints, and ours are JWTs.
 * Other bodies reach the provider unread. Hooks registered before this plugin (request ids, logs,
 * metrics) cover it all.
 */
import { parse, stringify } from 'node:querystring';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { nulAt } from '../platform/http/validation.ts';
import { wrapJwt } from './jwt-lookup.ts';

/** oidc-provider's own body limit. */
const FORM_LIMIT = 56 * 1024;

export async function oauthRoutes(app: FastifyInstance, opts: { provider: Provider }): Promise<void> {
  const callback = opts.provider.callback();
  /**
   * Hands the request to the provider. A form body was read here (the stream is consumed, and the
   * provider then reads it from `req.body`): a parameter with a NUL character, which no database
   * column can hold, is refused in OAuth's own error format before any look-up.
   */
  const handle = (request: FastifyRequest, reply: FastifyReply, wrapToken: boolean) => {
    if (typeof request.body === 'string') {
      const fields = parse(request.body);
      if (nulAt(fields, '/body')) {
        return reply
          .code(400)
          .header('cache-control', 'no-store')
          .send({ error: 'invalid_request', error_description: 'a parameter contains a NUL character' });
      }
      if (wrapToken && typeof fields.token === 'string') fields.token = wrapJwt(fields.token);
      (request.raw as { body?: string }).body = wrapToken ? stringify(fields) : request.body;
    }
    reply.hijack();
    callback(request.raw, reply.raw);
  };

  await app.register(async (oauth) => {
    oauth.removeAllContentTypeParsers();
    oauth.addContentTypeParser('*', (_request, _payload, done) => done(null));
    oauth.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const wrapping = ['/oauth2/introspect', '/oauth2/revoke'];
    for (const url of ['/.well-known/openid-configuration', '/oauth2/*']) {
      oauth.route({
        method: ['GET', 'POST', 'OPTIONS'],
        url,
        schema: { hide: true },
        handler: (request, reply) => handle(request, reply, false),
      });
    }
    for (const url of wrapping) {
      oauth.route({
        method: ['POST', 'OPTIONS'],
        url,
        schema: { hide: true },
        handler: (request, reply) => handle(request, reply, true),
      });
    }
  });
}
