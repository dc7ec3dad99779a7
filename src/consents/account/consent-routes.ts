/**
 * @module `GET /account/consents` (the signed-in customer's consents, newest first) and
 * `POST /account/consents/:consent_id/revoke` (CSRF-checked; another customer's consent is a 404).
 * Without a valid session both send the browser to the login page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../platform/index.ts';
import { consentView } from './consent-view.ts';
import type { AccountContext } from './context.ts';
import { consentsPage, messagePage } from './pages.ts';

const CONSENT_ID = /^cns_[0-9A-Za-z]{1,40}$/;
/** The most recent uses shown per consent. */
const ACCESS_SHOWN = 20;

const stringField = (value: unknown, name: string): string | undefined => {
  const v = (value as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : undefined;
};

export function consentRoutes(app: FastifyInstance, ctx: AccountContext): void {
  const { opts } = ctx;
  const toLogin = (reply: FastifyReply) => reply.redirect('/account/login', 303);
  const notFound = (reply: FastifyReply) =>
    ctx.send(reply, 404, messagePage('Not found', 'We could not find that connected app in your account.'));

  const list = async (request: FastifyRequest, reply: FastifyReply) => {
    const session = ctx.session(request);
    if (!session) return toLogin(reply);
    const [consents, accounts] = await Promise.all([
      opts.consents.listForCustomer(session.customerId),
      opts.accounts(session.customerId),
    ]);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const names = new Map<string, Promise<string>>();
    const nameOf = (clientId: string) => {
      if (!names.has(clientId)) names.set(clientId, opts.appName(clientId));
      return names.get(clientId) as Promise<string>;
    };
    const lastUsed = await opts.lastUsed(consents.map((c) => c.id));
    const views = await Promise.all(
      consents.map(async (c) =>
        consentView(c, await nameOf(c.clientId), byId, {
          lastUsed: lastUsed.get(c.id),
          access: lastUsed.has(c.id) ? await opts.accessHistory(c.id, ACCESS_SHOWN) : [],
        }),
      ),
    );
    const withdrawn = stringField(request.query, 'withdrawn');
    const gone = views.find((v) => v.id === withdrawn && v.state === 'revoked');
    const notice = gone
      ? `You withdrew ${gone.appName}’s access. It can no longer see or use your accounts.`
      : undefined;
    return ctx.send(
      reply,
      200,
      consentsPage({ views, csrf: ctx.sessions.csrfToken(session.value), ...(notice ? { notice } : {}) }),
    );
  };

  app.get('/account', { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/account/consents', 303),
  );
  app.get('/account/consents', { schema: { hide: true } }, list);

  app.post('/account/consents/:consent_id/revoke', { schema: { hide: true } }, async (request, reply) => {
    const session = ctx.session(request);
    if (!session) return toLogin(reply);
    if (!ctx.sessions.validCsrf(session.value, stringField(request.body, 'csrf'))) {
      return ctx.send(
        reply,
        403,
        messagePage('Please try again', 'Your session has expired. Please try again.'),
      );
    }
    const id = stringField(request.params, 'consent_id') ?? '';
    if (!CONSENT_ID.test(id)) return notFound(reply);
    try {
      await opts.consents.revokeForCustomer(session.customerId, id);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === 'CONSENT_NOT_FOUND') return notFound(reply);
      if (err.code !== 'CONSENT_NOT_ACTIVE') throw err;
      // Already withdrawn or expired: the list shows it as it is now.
    }
    return reply.redirect(`/account/consents?withdrawn=${encodeURIComponent(id)}`, 303);
  });
}
