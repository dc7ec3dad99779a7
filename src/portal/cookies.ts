/**
 * @module The portal's two cookies, without a cookie plugin: the session (a sealed developer token)
 * and the login form's CSRF nonce. Both HttpOnly, SameSite=Lax, scoped to `/portal`, and Secure when
 * the platform is served over https.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'wekeza_portal';
export const FORM_CSRF_COOKIE = 'wekeza_portal_csrf';

/** The value of cookie `name` on the request, if present and non-empty. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** Sets (or with `maxAge` 0 clears) a cookie; values are base64url characters and dots, so no encoding. */
export function writeCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  options: { readonly maxAge: number; readonly secure: boolean },
): void {
  const attributes = [
    `${name}=${value}`,
    'Path=/portal',
    `Max-Age=${options.maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) attributes.push('Secure');
  const previous = reply.getHeader('set-cookie');
  const list = previous === undefined ? [] : [previous].flat().map(String);
  reply.header('set-cookie', [...list, attributes.join('; ')]);
}
