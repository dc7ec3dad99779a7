/**
 * @module Verifies API access tokens locally: an RFC 9068 JWT signed by one of our published keys,
 * for the API audience, from our issuer, not expired, and not on the revocation deny-list when first
 * seen. Verified tokens are kept in a bounded in-process cache until they expire, so a hot token
 * costs no signature check. What can change during a token's life (its revocation afterwards, its
 * consent, its app) is the gateway's per-request check against the shared store.
 */
import { createLocalJWKSet, type JWK, type JWTPayload, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppError } from '../platform/index.ts';

export interface AccessTokenClaims {
  readonly clientId: string;
  /** The customer id for customer tokens; the client id for client-credentials tokens. */
  readonly sub: string | undefined;
  readonly scopes: readonly string[];
  readonly consentId: string | undefined;
  readonly jti: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

export type AccessTokenVerifier = (token: string) => Promise<AccessTokenClaims>;

/** The identity module's verifier: also told of revocations, to drop the revoked token from its cache. */
export type CachingAccessTokenVerifier = AccessTokenVerifier & { forget(jti: string): void };

/** Verifies the signature, issuer, audience, type and expiry of a JWT access token; throws otherwise. */
export type JwtVerifier = (token: string) => Promise<JWTPayload>;

export function createJwtVerifier(
  issuer: string,
  audience: string,
  signingKeys: readonly JWK[],
): JwtVerifier {
  const publicKeys = signingKeys.map(({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }) => pub);
  const keySet = createLocalJWKSet({ keys: publicKeys });
  return async (token) =>
    (
      await jwtVerify(token, keySet, {
        issuer,
        audience,
        typ: 'at+jwt',
        algorithms: ['ES256', 'PS256', 'RS256'],
      })
    ).payload;
}

/** Verified tokens kept at most; the least recently used are forgotten first. */
const CACHE_MAX = 50_000;
/** The longest a token is trusted from cache alone: bounds how late a key change is noticed. */
const CACHE_MAX_MS = 5 * 60 * 1000;

const invalid = () =>
  new AppError('UNAUTHENTICATED', 'The access token is not valid', { extra: { error: 'invalid_token' } });
const revoked = () =>
  new AppError('UNAUTHENTICATED', 'The access token was revoked', {
    extra: { error: 'invalid_token', reason: 'revoked' },
  });

/** Whether a verifier's refusal was for a revoked token (on the deny-list). */
export const isRevokedRefusal = (err: unknown): boolean =>
  err instanceof AppError && err.extra?.reason === 'revoked';

function toClaims(payload: JWTPayload): AccessTokenClaims {
  if (typeof payload.client_id !== 'string' || typeof payload.jti !== 'string' || !payload.exp) {
    throw new Error('missing claims');
  }
  return Object.freeze({
    clientId: payload.client_id,
    sub: payload.sub,
    scopes: Object.freeze(typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : []),
    consentId: typeof payload.consent_id === 'string' ? payload.consent_id : undefined,
    jti: payload.jti,
    expiresAt: payload.exp,
  });
}

/**
 * Verifies the token (signature and claims) and checks the durable deny-list of revoked token ids
 * the first time it is seen; then answers from cache until the token expires. Failures are
 * UNAUTHENTICATED `invalid_token` and are not cached.
 */
export function createAccessTokenVerifier(
  verifyJwt: JwtVerifier,
  isRevoked: (jti: string) => Promise<boolean>,
): CachingAccessTokenVerifier {
  /** The cached token of each token id, so that a revocation can drop it. */
  const tokenOf = new Map<string, string>();
  const cache = new LRUCache<string, AccessTokenClaims>({
    max: CACHE_MAX,
    dispose: (claims, token) => {
      if (tokenOf.get(claims.jti) === token) tokenOf.delete(claims.jti);
    },
  });
  const verify = async (token: string): Promise<AccessTokenClaims> => {
    const hit = cache.get(token);
    if (hit) {
      if (hit.expiresAt * 1000 > Date.now()) return hit;
      cache.delete(token);
      throw invalid();
    }
    let claims: AccessTokenClaims;
    let denied: boolean;
    try {
      claims = toClaims(await verifyJwt(token));
      // Fails closed: a deny-list that cannot be read refuses the token.
      denied = await isRevoked(claims.jti);
    } catch {
      throw invalid();
    }
    if (denied) throw revoked();
    const ttl = Math.min(claims.expiresAt * 1000 - Date.now(), CACHE_MAX_MS);
    if (ttl > 0) {
      cache.set(token, claims, { ttl });
      tokenOf.set(claims.jti, token);
    }
    return claims;
  };
  // A revoked token is verified again next time, deny-list included: the revocation does not rest
  // on the shared store alone (an in-process store may forget entries under memory pressure).
  const forget = (jti: string) => {
    const token = tokenOf.get(jti);
    if (token !== undefined) cache.delete(token);
  };
  return Object.assign(verify, { forget });
}
