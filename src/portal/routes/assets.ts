/**
 * @module The portal's stylesheet and script, served by the platform itself (the pages load nothing
 * from elsewhere). Cached for an hour; they change only with a deploy.
 */
import type { FastifyInstance } from 'fastify';
import { PORTAL_JS } from '../script.ts';
import { PORTAL_CSS } from '../style.ts';

export function assetRoutes(app: FastifyInstance): void {
  const serve =
    (type: string, body: string) => async (_request: unknown, reply: import('fastify').FastifyReply) =>
      reply
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .type(type)
        .send(body);
  app.get('/portal/assets/portal.css', serve('text/css; charset=utf-8', PORTAL_CSS));
  app.get('/portal/assets/portal.js', serve('text/javascript; charset=utf-8', PORTAL_JS));
}
