/**
 * @module The customer's consent list at `/account/consents`: log in, see every app they gave access
 * to (what it can do, on which accounts, since and until when), and withdraw it. Server-rendered,
 * works without JavaScript; every response carries the pages' security headers.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { statusOfKind } from '../../platform/errors/index.ts';
import { toAppError } from '../../platform/http/problem.ts';
import { consentRoutes } from './consent-routes.ts';
import { createAccountContext, SECURITY_HEADERS } from './context.ts';
import { loginRoutes } from './login-routes.ts';
import type { AccountRoutesOptions } from './options.ts';
import { messagePage } from './pages.ts';

export type { AccountRoutesOptions } from './options.ts';

export async function accountRoutes(app: FastifyInstance, opts: AccountRoutesOptions): Promise<void> {
  const ctx = createAccountContext(opts);
  await app.register(formbody, { bodyLimit: 8192 });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err);
    if (error.kind === 'internal') request.log.error({ err }, 'unhandled error');
    const status = statusOfKind[error.kind];
    const message =
      status >= 500
        ? 'Something went wrong on our side. Please try again later.'
        : 'We could not understand that request.';
    return ctx.send(reply, status, messagePage('Something went wrong', message));
  });
  loginRoutes(app, ctx);
  consentRoutes(app, ctx);
}
