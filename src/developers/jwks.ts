/**
 * @module Key material for private_key_jwt: a JWK Set of public keys only (no `d`, `p`, `q`, `dp`,
 * `dq`, `qi`, `oth` or symmetric `k`), or an https `jwks_uri`, never both. Throws INVALID_JWKS.
 */
import { AppError, urlRefusal } from '../platform/index.ts';
import type { App } from './types.ts';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
/** The public members each key type needs (a Map: no prototype keys such as `constructor`). */
const REQUIRED = new Map<string, readonly string[]>([
  ['RSA', ['n', 'e']],
  ['EC', ['crv', 'x', 'y']],
  ['OKP', ['crv', 'x']],
]);

const invalid = (path: string, message: string): never => {
  throw new AppError('INVALID_JWKS', `${path} ${message}`, { errors: [{ path, message }] });
};

export function checkJwks(jwks: App['jwks']): void {
  if (jwks === null) return;
  if (!Array.isArray(jwks.keys) || jwks.keys.length < 1)
    invalid('/body/jwks/keys', 'must hold at least one key');
  jwks.keys.forEach((key, i) => {
    const path = `/body/jwks/keys/${i}`;
    const kty = typeof key.kty === 'string' ? key.kty : '';
    const required = REQUIRED.get(kty);
    if (!required) invalid(`${path}/kty`, 'must be RSA, EC or OKP');
    const secret = PRIVATE_MEMBERS.find((m) => Object.hasOwn(key, m));
    if (secret) invalid(`${path}/${secret}`, 'must be a public key: private key members are not accepted');
    const missing = required?.find((m) => typeof key[m] !== 'string');
    if (missing) invalid(`${path}/${missing}`, `is required for kty ${kty}`);
  });
}

/**
 * An https URI; outside sandbox mode also one the platform may connect to (the outbound URL policy:
 * not this machine, not a private or reserved address). Its host's addresses are checked again
 * each time the keys are fetched.
 */
export function checkJwksUri(uri: string | null, sandbox: boolean): void {
  if (uri === null) return;
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    // reported below
  }
  if (url?.protocol !== 'https:' || uri.includes('#')) invalid('/body/jwks_uri', 'must be an https URI');
  const refusal = urlRefusal(uri, sandbox);
  if (refusal) invalid('/body/jwks_uri', refusal);
}

/** private_key_jwt needs keys to verify client assertions with: exactly one of `jwks` or `jwks_uri`. */
export function checkKeySource(app: Pick<App, 'tokenEndpointAuthMethod' | 'jwks' | 'jwksUri'>): void {
  if (app.jwks !== null && app.jwksUri !== null) invalid('/body/jwks', 'give jwks or jwks_uri, not both');
  if (app.tokenEndpointAuthMethod === 'private_key_jwt' && app.jwks === null && app.jwksUri === null) {
    invalid('/body/jwks', 'private_key_jwt requires jwks or jwks_uri');
  }
}
