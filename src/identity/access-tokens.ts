/**
 * @module Verifies API access tokens locally (no database round trip): an RFC 9068 JWT signed by one
 * of our published keys, for the API audience, from our issuer, not expired. Callers then apply their
 * own checks (scope, consent, revocation).
 */
import { createLocalJWKSet, type JWK, type JWTPayload, jwtVerify } from 'jose';
import { AppError } from '../platform/index.ts';

export interface AccessTokenClaims {
  readonly clientId: string;
  /** The customer id for customer tokens; the client id for client-credentials tokens. */
  readonly sub: string | undefined;
  readonly scopes: readonly string[];
  readonly consentId: string | undefined;
  readonly jti: string;
  readonly expiresAt: number;
}

export type AccessTokenVerifier = (token: string) => Promise<AccessTokenClaims>;

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

/** Verifies the token, then refuses it if its app is not active (suspended or deleted). */
export function createAccessTokenVerifier(
  verifyJwt: JwtVerifier,
  appIsActive: (clientId: string) => Promise<boolean>,
): AccessTokenVerifier {
  return async (token) => {
    try {
      const payload = await verifyJwt(token);
      if (typeof payload.client_id !== 'string' || !(await appIsActive(payload.client_id))) {
        throw new Error('app not active');
      }
      if (typeof payload.client_id !== 'string' || typeof payload.jti !== 'string' || !payload.exp) {
        throw new Error('missing claims');
      }
      return {
        clientId: payload.client_id,
        sub: payload.sub,
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
        consentId: typeof payload.consent_id === 'string' ? payload.consent_id : undefined,
        jti: payload.jti,
        expiresAt: payload.exp,
      };
    } catch {
      throw new AppError('UNAUTHENTICATED', 'The access token is not valid', {
        extra: { error: 'invalid_token' },
      });
    }
  };
}
