/**
 * @module The check in front of every signed-in page: no live session sends the browser to the
 * log-in page; a POST must carry the session's CSRF token (else 403). `ownApp` loads one of the
 * developer's apps (another developer's is APP_NOT_FOUND, a 404 page).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../developers/index.ts';
import type { PortalContext, PortalSession } from '../context.ts';
import { text } from '../forms.ts';
import { messagePage } from '../pages/auth.ts';

export type SignedInHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  session: PortalSession,
) => Promise<unknown>;

export const signedIn =
  (ctx: PortalContext, handler: SignedInHandler) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const session = await ctx.session(request);
    if (!session) return reply.redirect('/portal/login', 303);
    if (request.method === 'POST' && !ctx.sessions.validCsrf(session.token, text(request.body, 'csrf'))) {
      return ctx.send(
        reply,
        403,
        messagePage(
          'Please try again',
          'This form has expired or did not come from the portal. Please try again.',
        ),
      );
    }
    return handler(request, reply, session);
  };

/** A route parameter (ids are checked by the services, which answer not-found for anything else). */
export const param = (request: FastifyRequest, name: string): string =>
  String((request.params as Record<string, unknown>)[name] ?? '');

export const query = (request: FastifyRequest, name: string): string | undefined => {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
};

export const ownApp = (ctx: PortalContext, session: PortalSession, clientId: string): Promise<App> =>
  ctx.opts.developers.getApp(session.developer.id, clientId);

/** What the layout needs to show the signed-in header. */
export const chromeOf = (session: PortalSession) => ({
  signedIn: { name: session.developer.name, csrf: session.csrf },
});
