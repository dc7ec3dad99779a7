/**
 * @module The customer's session on the consent pages: a cookie `customerId.expiry.mac`, the MAC an
 * HMAC-SHA-256 under a key derived for this purpose, checked in constant time; 30 minutes, no renewal.
 * Each session also yields its own CSRF token (an HMAC of the cookie value) for the pages' forms.
 */
import { createHmac } from 'node:crypto';
import { equalDigests } from '../../platform/index.ts';

export const SESSION_SECONDS = 30 * 60;

export interface SessionCodec {
  /** A new session cookie value for the customer, valid for SESSION_SECONDS from `now`. */
  issue(customerId: string, now?: Date): string;
  /** The customer of a genuine, unexpired session cookie value; else undefined. */
  verify(value: string | undefined, now?: Date): string | undefined;
  /** The CSRF token the session's forms carry. */
  csrfToken(value: string): string;
  /** Whether `token` is the session's CSRF token. */
  validCsrf(value: string, token: unknown): boolean;
}

export function createSessionCodec(key: Buffer): SessionCodec {
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  const seconds = (now: Date) => Math.floor(now.getTime() / 1000);
  const csrfToken = (value: string) => mac(`csrf:${value}`);
  return Object.freeze({
    issue(customerId: string, now = new Date()) {
      const payload = `${customerId}.${seconds(now) + SESSION_SECONDS}`;
      return `${payload}.${mac(`session:${payload}`)}`;
    },
    verify(value: string | undefined, now = new Date()) {
      const [customerId, expiry, signature, ...rest] = (value ?? '').split('.');
      if (!customerId || !expiry || !signature || rest.length > 0 || !/^\d{1,12}$/.test(expiry)) return;
      if (!equalDigests(mac(`session:${customerId}.${expiry}`), signature)) return;
      return Number(expiry) > seconds(now) ? customerId : undefined;
    },
    csrfToken,
    validCsrf: (value: string, token: unknown) =>
      typeof token === 'string' && equalDigests(csrfToken(value), token),
  });
}
