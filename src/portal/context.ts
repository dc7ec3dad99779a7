/**
 * @module What the portal's routes share: options, the session codec, the form CSRF key, `send`
 * (an HTML page with the portal's security headers), cookies, and the signed-in developer.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Developer } from '../developers/index.ts';
import { deriveKey } from '../platform/index.ts';
import { readCookie, SESSION_COOKIE, writeCookie } from './cookies.ts';
import type { PortalOptions } from './options.ts';
import { createPortalSessions, type PortalSessions } from './session.ts';

/** Scripts and styles come from the platform itself; nothing else loads. */
export const SECURITY_HEADERS = Object.freeze({
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'",
});

/** The signed-in developer, their session token and the CSRF token of their forms. */
export interface PortalSession {
  readonly developer: Developer;
  readonly token: string;
  readonly csrf: string;
}

export interface PortalContext {
  readonly opts: PortalOptions;
  readonly sessions: PortalSessions;
  readonly formCsrfKey: Buffer;
  send(reply: FastifyReply, status: number, body: string): FastifyReply;
  session(request: FastifyRequest): Promise<PortalSession | undefined>;
  setCookie(reply: FastifyReply, name: string, value: string, maxAge: number): void;
}

export function createPortalContext(opts: PortalOptions): PortalContext {
  const key = (purpose: string) => deriveKey(opts.config.masterKey, purpose);
  const sessions = createPortalSessions(key('portal-session'), key('portal-session-csrf'));
  const secure = opts.config.publicUrl.startsWith('https:');
  return Object.freeze({
    opts,
    sessions,
    formCsrfKey: key('portal-form-csrf'),
    send: (reply: FastifyReply, status: number, body: string) =>
      reply.code(status).headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(body),
    async session(request: FastifyRequest) {
      const token = sessions.open(readCookie(request, SESSION_COOKIE));
      const developer = token ? await opts.developers.authenticate(token) : null;
      return token && developer ? { developer, token, csrf: sessions.csrfToken(token) } : undefined;
    },
    setCookie: (reply: FastifyReply, name: string, value: string, maxAge: number) =>
      writeCookie(reply, name, value, { maxAge, secure }),
  });
}
