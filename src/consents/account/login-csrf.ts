/**
 * @module CSRF protection for the login form, before there is a session (double submit): a random
 * nonce goes into a short-lived cookie, the form carries an HMAC of it; a POST whose token is not the
 * HMAC of its cookie's nonce is refused. Compared in constant time.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { equalDigests } from '../../platform/index.ts';

export const LOGIN_CSRF_SECONDS = 10 * 60;

export const newNonce = (): string => randomBytes(32).toString('base64url');

export const loginCsrfToken = (key: Buffer, nonce: string): string =>
  createHmac('sha256', key).update(`login-csrf:${nonce}`).digest('base64url');

export const validLoginCsrf = (key: Buffer, nonce: string | undefined, token: unknown): boolean =>
  typeof nonce === 'string' && typeof token === 'string' && equalDigests(loginCsrfToken(key, nonce), token);
