/**
 * @module The portal session: the cookie holds the developer's `wdt_` session token sealed with
 * AES-256-GCM under a key derived for this purpose, so the browser never sees the bearer token and a
 * tampered cookie does not open. The developer service decides whether the token is still live
 * (24 hours, ended by logout). Each session yields its CSRF token: an HMAC of the developer token.
 */
import { createHmac } from 'node:crypto';
import { equalDigests, open, seal } from '../platform/index.ts';

export interface PortalSessions {
  /** The cookie value for a developer token. */
  seal(token: string): string;
  /** The developer token inside a genuine cookie value, else undefined. */
  open(value: string | undefined): string | undefined;
  /** The CSRF token the session's forms carry. */
  csrfToken(token: string): string;
  validCsrf(token: string, candidate: unknown): boolean;
}

export function createPortalSessions(sealKey: Buffer, csrfKey: Buffer): PortalSessions {
  const csrfToken = (token: string) =>
    createHmac('sha256', csrfKey).update(`portal-csrf:${token}`).digest('base64url');
  return Object.freeze({
    seal: (token: string) => seal(sealKey, token),
    open(value: string | undefined) {
      if (!value || value.length > 400) return undefined;
      try {
        return open(sealKey, value);
      } catch {
        return undefined;
      }
    },
    csrfToken,
    validCsrf: (token: string, candidate: unknown) =>
      typeof candidate === 'string' && equalDigests(csrfToken(token), candidate),
  });
}
