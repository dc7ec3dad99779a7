/**
 * @module The portal's two cookies, scoped to `/portal`: the session (a sealed developer token) and
 * the login form's CSRF nonce (see the platform's cookies).
 */
import type { FastifyReply } from 'fastify';
import { writeCookie as write } from '../platform/http/cookies.ts';

export { readCookie } from '../platform/http/cookies.ts';

export const SESSION_COOKIE = 'wekeza_portal';
export const FORM_CSRF_COOKIE = 'wekeza_portal_csrf';

export const writeCookie = (
  reply: FastifyReply,
  name: string,
  value: string,
  options: { readonly maxAge: number; readonly secure: boolean },
) => write(reply, name, value, { ...options, path: '/portal' });
