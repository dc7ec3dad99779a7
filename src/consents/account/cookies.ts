/** @module The two cookies of the consent pages, scoped to `/account` (see the platform's cookies). */
import type { FastifyReply } from 'fastify';
import { writeCookie as write } from '../../platform/http/cookies.ts';

export { readCookie } from '../../platform/http/cookies.ts';

export const SESSION_COOKIE = 'wekeza_account';
export const LOGIN_CSRF_COOKIE = 'wekeza_account_csrf';

export const writeCookie = (
  reply: FastifyReply,
  name: string,
  value: string,
  options: { readonly maxAge: number; readonly secure: boolean },
) => write(reply, name, value, { ...options, path: '/account' });
