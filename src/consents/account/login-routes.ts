/**
 * @module `GET/POST /account/login` and `POST /account/logout`. Login: CSRF (double submit), then the
 * shared per-username lockout (429), then the credentials (401, one generic message); success sets the
 * session cookie and sends the customer to their consent list.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AccountContext } from './context.ts';
import { LOGIN_CSRF_COOKIE, readCookie, SESSION_COOKIE } from './cookies.ts';
import { LOGIN_CSRF_SECONDS, loginCsrfToken, newNonce, validLoginCsrf } from './login-csrf.ts';
import { loginPage, messagePage } from './pages.ts';
import { SESSION_SECONDS } from './session.ts';

const field = (body: unknown, name: string, max: number): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
};

export function loginRoutes(app: FastifyInstance, ctx: AccountContext): void {
  const { opts } = ctx;

  /** The login page with a fresh CSRF nonce in its cookie. */
  const showLogin = (reply: FastifyReply, status: number, error?: string, username?: string) => {
    const nonce = newNonce();
    ctx.setCookie(reply, LOGIN_CSRF_COOKIE, nonce, LOGIN_CSRF_SECONDS);
    const csrf = loginCsrfToken(ctx.loginCsrfKey, nonce);
    return ctx.send(reply, status, loginPage({ csrf, ...(error ? { error } : {}), username }));
  };

  app.get('/account/login', { schema: { hide: true } }, async (request, reply) => {
    if (ctx.session(request)) return reply.redirect('/account/consents', 303);
    return showLogin(reply, 200);
  });

  app.post('/account/login', { schema: { hide: true } }, async (request, reply) => {
    const rawUsername = field(request.body, 'username', 100);
    const password = field(request.body, 'password', 200);
    if (
      !validLoginCsrf(
        ctx.loginCsrfKey,
        readCookie(request, LOGIN_CSRF_COOKIE),
        field(request.body, 'csrf', 100),
      )
    ) {
      return showLogin(reply, 403, 'Your session has expired. Please try again.', rawUsername);
    }
    if (!rawUsername || !password)
      return showLogin(reply, 400, 'Enter your username and password.', rawUsername);
    const username = rawUsername.trim().toLowerCase();
    if (!(await opts.takeAttempt(username))) {
      return showLogin(
        reply,
        429,
        'Too many failed attempts. Your account is locked for 15 minutes.',
        rawUsername,
      );
    }
    const customer = await opts.authenticate(username, password);
    if (!customer) return showLogin(reply, 401, 'The username or password is not correct.', rawUsername);
    await opts.clearFailures(username);
    ctx.setCookie(reply, LOGIN_CSRF_COOKIE, '', 0);
    ctx.setCookie(reply, SESSION_COOKIE, ctx.sessions.issue(customer.id), SESSION_SECONDS);
    return reply.redirect('/account/consents', 303);
  });

  app.post('/account/logout', { schema: { hide: true } }, async (request, reply) => {
    const session = ctx.session(request);
    if (session && !ctx.sessions.validCsrf(session.value, field(request.body, 'csrf', 100))) {
      return ctx.send(
        reply,
        403,
        messagePage('Please try again', 'We could not log you out. Please try again.'),
      );
    }
    ctx.setCookie(reply, SESSION_COOKIE, '', 0);
    return reply.redirect('/account/login', 303);
  });
}
