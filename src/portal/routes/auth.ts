/**
 * @module `GET/POST /portal/signup`, `GET/POST /portal/login`, `POST /portal/logout`. Both forms are
 * CSRF-checked (double submit); log-in passes the shared lockout (5 failures lock the email for 15
 * minutes) before the password. Success seals the developer token into the session cookie.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isAppError } from '../../platform/index.ts';
import type { PortalContext } from '../context.ts';
import { FORM_CSRF_COOKIE, readCookie, SESSION_COOKIE } from '../cookies.ts';
import { messagesOf } from '../field-errors.ts';
import { FORM_CSRF_SECONDS, formCsrfToken, newNonce, validFormCsrf } from '../form-csrf.ts';
import { text } from '../forms.ts';
import { loginPage, messagePage, signupPage } from '../pages/auth.ts';

const LABELS = { name: 'Your name', email: 'Email', password: 'Password' };
const EXPIRED = 'Your form expired. Please try again.';

export function authRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { developers } = ctx.opts;
  /** A fresh nonce cookie and the form's token. */
  const formCsrf = (reply: FastifyReply) => {
    const nonce = newNonce();
    ctx.setCookie(reply, FORM_CSRF_COOKIE, nonce, FORM_CSRF_SECONDS);
    return formCsrfToken(ctx.formCsrfKey, nonce);
  };
  const startSession = async (reply: FastifyReply, email: string, password: string) => {
    const session = await developers.login(email, password);
    ctx.setCookie(reply, FORM_CSRF_COOKIE, '', 0);
    const seconds = Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000);
    ctx.setCookie(reply, SESSION_COOKIE, ctx.sessions.seal(session.token), seconds);
  };

  app.get('/portal', async (request, reply) =>
    reply.redirect((await ctx.session(request)) ? '/portal/apps' : '/portal/login', 303),
  );

  app.get('/portal/signup', async (request, reply) => {
    if (await ctx.session(request)) return reply.redirect('/portal/apps', 303);
    return ctx.send(reply, 200, signupPage({ csrf: formCsrf(reply) }));
  });

  app.post('/portal/signup', async (request, reply) => {
    const name = text(request.body, 'name', 200);
    const email = text(request.body, 'email', 300);
    const password = text(request.body, 'password', 400);
    const again = (status: number, errors: string[]) =>
      ctx.send(reply, status, signupPage({ csrf: formCsrf(reply), errors, name, email }));
    if (!validFormCsrf(ctx.formCsrfKey, readCookie(request, FORM_CSRF_COOKIE), text(request.body, 'csrf'))) {
      return again(403, [EXPIRED]);
    }
    try {
      await developers.register({ name, email, password });
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === 'DEVELOPER_EMAIL_TAKEN') {
        return again(409, ['An account with this email exists already. Log in instead.']);
      }
      if (err.kind === 'invalid') return again(400, messagesOf(err, LABELS));
      throw err;
    }
    await startSession(reply, email, password);
    return reply.redirect('/portal/apps?welcome=1', 303);
  });

  app.get('/portal/login', async (request, reply) => {
    if (await ctx.session(request)) return reply.redirect('/portal/apps', 303);
    const loggedOut = (request.query as Record<string, unknown>).logged_out !== undefined;
    return ctx.send(
      reply,
      200,
      loginPage({ csrf: formCsrf(reply), ...(loggedOut ? { notice: 'You have logged out.' } : {}) }),
    );
  });

  app.post('/portal/login', async (request, reply) => {
    const email = text(request.body, 'email', 300);
    const password = text(request.body, 'password', 400);
    const again = (status: number, error: string) =>
      ctx.send(reply, status, loginPage({ csrf: formCsrf(reply), error, email }));
    if (!validFormCsrf(ctx.formCsrfKey, readCookie(request, FORM_CSRF_COOKIE), text(request.body, 'csrf'))) {
      return again(403, EXPIRED);
    }
    if (!email || !password) return again(400, 'Enter your email and password.');
    // The developer service applies the lockout, shared with the API's POST /developer/login.
    try {
      await startSession(reply, email, password);
    } catch (err) {
      if (isAppError(err) && err.code === 'LOGIN_LOCKED') {
        return again(429, 'Too many failed attempts. This account is locked for 15 minutes.');
      }
      if (!isAppError(err) || err.code !== 'INVALID_CREDENTIALS') throw err;
      return again(401, 'The email or password is not correct.');
    }
    return reply.redirect('/portal/apps', 303);
  });

  app.post('/portal/logout', async (request, reply) => {
    const session = await ctx.session(request);
    if (session) {
      if (!ctx.sessions.validCsrf(session.token, text(request.body, 'csrf'))) {
        return ctx.send(
          reply,
          403,
          messagePage('Please try again', 'We could not log you out. Please try again.'),
        );
      }
      await developers.logout(session.token);
    }
    ctx.setCookie(reply, SESSION_COOKIE, '', 0);
    return reply.redirect('/portal/login?logged_out=1', 303);
  });
}
