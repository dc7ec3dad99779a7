/**
 * @module Reading and writing the platform's own cookies, without a cookie plugin: HttpOnly,
 * SameSite=Lax, scoped to the path of the pages that use them (`/account`, `/portal`), and Secure
 * when the platform is served over https. Values are base64url/id characters: no encoding needed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The value of cookie `name` on the request, if present and non-empty. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

export interface CookieOptions {
  readonly path: string;
  /** Seconds; 0 clears the cookie. */
  readonly maxAge: number;
  readonly secure: boolean;
}

/** Sets (or with `maxAge` 0 clears) a cookie, keeping the others set on this reply. */
export function writeCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const attributes = [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) attributes.push('Secure');
  const previous = reply.getHeader('set-cookie');
  const list = previous === undefined ? [] : [previous].flat().map(String);
  reply.header('set-cookie', [...list, attributes.join('; ')]);
}
