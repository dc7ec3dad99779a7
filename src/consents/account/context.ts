/**
 * @module What the consent pages' routes share: their options, the session codec, the login CSRF key,
 * and `send`, which answers an HTML page with the pages' security headers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deriveKey } from '../../platform/index.ts';
import { readCookie, SESSION_COOKIE, writeCookie } from './cookies.ts';
import type { AccountRoutesOptions } from './options.ts';
import { createSessionCodec, type SessionCodec } from './session.ts';

export const SECURITY_HEADERS = Object.freeze({
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
});

export interface AccountContext {
  readonly opts: AccountRoutesOptions;
  readonly sessions: SessionCodec;
  readonly loginCsrfKey: Buffer;
  /** Cookies get `Secure` when the platform's public URL is https. */
  readonly secure: boolean;
  send(reply: FastifyReply, status: number, body: string): FastifyReply;
  /** The signed-in customer and their cookie value, or undefined. */
  session(request: FastifyRequest): { customerId: string; value: string } | undefined;
  setCookie(reply: FastifyReply, name: string, value: string, maxAge: number): void;
}

export function createAccountContext(opts: AccountRoutesOptions): AccountContext {
  const sessions = createSessionCodec(deriveKey(opts.config.masterKey, 'account-session'));
  const secure = opts.config.publicUrl.startsWith('https:');
  return Object.freeze({
    opts,
    sessions,
    loginCsrfKey: deriveKey(opts.config.masterKey, 'account-login-csrf'),
    secure,
    send: (reply: FastifyReply, status: number, body: string) =>
      reply.code(status).headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(body),
    session(request: FastifyRequest) {
      const value = readCookie(request, SESSION_COOKIE);
      const customerId = sessions.verify(value);
      return customerId && value ? { customerId, value } : undefined;
    },
    setCookie: (reply: FastifyReply, name: string, value: string, maxAge: number) =>
      writeCookie(reply, name, value, { maxAge, secure }),
  });
}
