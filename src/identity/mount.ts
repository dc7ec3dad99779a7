/**
 * @module Mounts the authorisation server in Fastify: only its own paths (`/oauth2/*` and discovery)
 * reach it, so our pages and APIs stay outside its mount. No Fastify body parser runs on them — the
 * provider reads the raw request itself — except introspection and revocation, whose form we read
 * first to wrap a JWT access token (see `wrapJwt`): oidc-provider refuses JWTs on those endpoints,
 * and ours are JWTs. Hooks registered before this plugin (request ids, logs, metrics) cover it all.
 */
import { parse, stringify } from 'node:querystring';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { wrapJwt } from './jwt-lookup.ts';

/** oidc-provider's own body limit. */
const FORM_LIMIT = 56 * 1024;

export async function oauthRoutes(app: FastifyInstance, opts: { provider: Provider }): Promise<void> {
  const callback = opts.provider.callback();
  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    callback(request.raw, reply.raw);
  };

  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', (_request, _payload, done) => done(null));
    for (const url of ['/.well-known/openid-configuration', '/oauth2/*']) {
      raw.route({ method: ['GET', 'POST', 'OPTIONS'], url, schema: { hide: true }, handler });
    }
  });

  await app.register(async (form) => {
    form.removeAllContentTypeParsers();
    form.addContentTypeParser('*', (_request, _payload, done) => done(null));
    form.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const withWrappedToken = (request: FastifyRequest, reply: FastifyReply) => {
      if (typeof request.body === 'string') {
        const fields = parse(request.body);
        if (typeof fields.token === 'string') fields.token = wrapJwt(fields.token);
        // The stream is consumed; oidc-provider then reads the parsed body from `req.body`.
        (request.raw as { body?: string }).body = stringify(fields);
      }
      handler(request, reply);
    };
    for (const url of ['/oauth2/introspect', '/oauth2/revoke']) {
      form.route({ method: ['POST', 'OPTIONS'], url, schema: { hide: true }, handler: withWrappedToken });
    }
  });
}
