/**
 * @module JWT access tokens are not stored (that is what lets the gateway check them without a
 * database round trip), yet introspection and revocation must work. The storage adapter asks this
 * look-up when oidc-provider searches for a token by its value: the JWT is verified, then refused if
 * its jti was revoked, its consent is no longer authorised, or its app was suspended; otherwise its
 * claims become the payload oidc-provider expects.
 */
import type { Kysely } from 'kysely';
import type { AdapterPayload } from 'oidc-provider';
import type { JwtVerifier } from './access-tokens.ts';
import { isRevokedJwt } from './adapter.ts';
import type { IdentityDeps } from './deps.ts';
import type { IdentityTables } from './tables.ts';

export const REVOKED_JWT = 'RevokedJwt';

const WRAPPED = 'wkzjwt.';

/**
 * oidc-provider answers "unsupported_token_type" when a JWT is sent to introspection or revocation.
 * The mount wraps a JWT into an opaque-looking value before the provider sees it; the adapter
 * unwraps it again and looks it up here. Any other value passes through unchanged.
 */
export const wrapJwt = (token: string): string =>
  token.split('.').length === 3 ? `${WRAPPED}${Buffer.from(token).toString('base64url')}` : token;

/** The JWT inside a wrapped value, or the value itself if it is a plain JWT; undefined otherwise. */
export function unwrapJwt(value: string): string | undefined {
  if (value.startsWith(WRAPPED)) return Buffer.from(value.slice(WRAPPED.length), 'base64url').toString();
  return value.split('.').length === 3 ? value : undefined;
}

export type JwtLookup = (model: string, value: string) => Promise<AdapterPayload | undefined>;

export function createJwtLookup(
  db: Kysely<IdentityTables>,
  verifyJwt: JwtVerifier,
  deps: IdentityDeps,
): JwtLookup {
  return async (model, value) => {
    let claims: Awaited<ReturnType<JwtVerifier>>;
    try {
      claims = await verifyJwt(value);
    } catch {
      return undefined;
    }
    const { jti, client_id: clientId, sub, consent_id: consentId, scope, iat, exp, aud } = claims;
    if (typeof jti !== 'string' || typeof clientId !== 'string') return undefined;
    const customerToken = typeof consentId === 'string';
    if (await isRevokedJwt(db, jti)) return undefined;
    const client = await deps.clients.findClient(clientId);
    if (client?.status !== 'active') return undefined;
    if (customerToken) {
      const consent = await deps
        .consents()
        .get(consentId)
        .catch(() => undefined);
      if (consent?.status !== 'authorized') return undefined;
    }
    return {
      jti,
      kind: model,
      clientId,
      iat,
      exp,
      aud,
      scope: typeof scope === 'string' ? scope : undefined,
      ...(customerToken ? { accountId: sub, extra: { consent_id: consentId } } : {}),
    } as AdapterPayload;
  };
}
