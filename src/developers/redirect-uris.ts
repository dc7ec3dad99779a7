/**
 * @module Redirect URI policy: absolute `https` URIs without a fragment or credentials; `http` only
 * for loopback (127.0.0.1, [::1], localhost) and only in sandbox mode. Throws INVALID_REDIRECT_URI
 * naming the index, for example `/body/redirect_uris/0`.
 */
import { AppError } from '../platform/index.ts';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Why `raw` is refused, or null when it is allowed. */
function refusal(raw: string, sandbox: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URI';
  }
  if (raw.includes('#')) return 'must not contain a fragment';
  if (url.username || url.password) return 'must not contain credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) {
    return sandbox ? null : 'http loopback URIs are allowed in sandbox mode only';
  }
  return sandbox ? 'must use https (or http on a loopback address)' : 'must use https';
}

export function checkRedirectUris(uris: readonly string[], sandbox: boolean): void {
  if (uris.length < 1 || uris.length > 10) {
    throw new AppError('INVALID_REDIRECT_URI', 'An app has 1 to 10 redirect URIs', {
      errors: [{ path: '/body/redirect_uris', message: 'must have 1 to 10 items' }],
    });
  }
  const errors = uris.flatMap((uri, i) => {
    const message = refusal(uri, sandbox);
    return message ? [{ path: `/body/redirect_uris/${i}`, message }] : [];
  });
  if (errors.length > 0) {
    throw new AppError('INVALID_REDIRECT_URI', errors.map((e) => `${e.path} ${e.message}`).join('; '), {
      errors,
    });
  }
}
