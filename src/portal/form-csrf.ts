/**
 * @module CSRF protection for the forms shown before there is a session (sign up, log in): double
 * submit — a random nonce in a short-lived cookie, the form carries an HMAC of it; a POST whose token
 * is not the HMAC of its cookie's nonce is refused. Compared in constant time.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { equalDigests } from '../platform/index.ts';

export const FORM_CSRF_SECONDS = 30 * 60;

export const newNonce = (): string => randomBytes(32).toString('base64url');

export const formCsrfToken = (key: Buffer, nonce: string): string =>
  createHmac('sha256', key).update(`portal-form-csrf:${nonce}`).digest('base64url');

export const validFormCsrf = (key: Buffer, nonce: string | undefined, token: unknown): boolean =>
  typeof nonce === 'string' && typeof token === 'string' && equalDigests(formCsrfToken(key, nonce), token);
