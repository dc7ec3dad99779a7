/**
 * @module CSRF protection for the interaction forms: each form carries an HMAC of its interaction
 * uid under a key derived from the master key; a POST without the matching token is refused.
 */
import { createHmac } from 'node:crypto';
import { equalDigests } from '../../platform/index.ts';

export const csrfToken = (key: Buffer, uid: string): string =>
  createHmac('sha256', key).update(`csrf:${uid}`).digest('base64url');

export const validCsrf = (key: Buffer, uid: string, token: unknown): boolean =>
  typeof token === 'string' && equalDigests(csrfToken(key, uid), token);
