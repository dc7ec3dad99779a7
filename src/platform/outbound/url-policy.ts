/**
 * @module The policy for URLs the platform connects to on a third party's word (webhook endpoints,
 * an app's `jwks_uri`), checked when the URL is saved and again before every connection:
 * absolute, at most 2,048 characters, no credentials or fragment; `https`, or `http` to a loopback
 * host in sandbox mode only; outside sandbox mode no `localhost` and no literal address that
 * `blockedKind` refuses (names are checked after DNS resolution, see resolve-target.ts).
 */
import { isIP } from 'node:net';
import { blockedKind, isLoopback } from './address-guard.ts';

const isLocalhostName = (host: string) => {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
};

/** The host without IPv6 brackets. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

/** Why the URL is refused, or null when it is allowed. */
export function urlRefusal(raw: string, sandbox: boolean): string | null {
  if (raw.length > 2048) return 'must be at most 2048 characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (raw.includes('#')) return 'must not contain a fragment';
  if (url.username || url.password) return 'must not contain credentials';
  const host = bareHost(url);
  const loopbackHost = isLocalhostName(host) || (isIP(host) !== 0 && isLoopback(host));
  if (url.protocol === 'http:') {
    if (!loopbackHost) return sandbox ? 'must use https (or http on a loopback address)' : 'must use https';
    if (!sandbox) return 'http loopback URLs are allowed in sandbox mode only';
    return null;
  }
  if (url.protocol !== 'https:') return 'must use https';
  if (sandbox) return null;
  if (isLocalhostName(host)) return 'must not point at this machine (localhost)';
  if (isIP(host) !== 0) {
    const kind = blockedKind(host);
    if (kind) return `must not point at a ${kind} address`;
  }
  return null;
}
