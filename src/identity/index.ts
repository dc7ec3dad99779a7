/**
 * @module Public door of the identity module: the OAuth 2.0 / OpenID Connect authorisation server,
 * its migrations, and signing-key management.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import type { ClientRecord } from '../developers/index.ts';
import { type Config, type Database, deriveKey, type ModuleMigrations } from '../platform/index.ts';
import { type AccessTokenVerifier, createAccessTokenVerifier, createJwtVerifier } from './access-tokens.ts';
import { createDbAdapter, deleteExpired, isRevokedJwt } from './adapter.ts';
import type { IdentityDeps } from './deps.ts';
import { clearFailures, takeAttempt } from './interactions/lockout.ts';
import { interactionRoutes } from './interactions/routes.ts';
import { createJwtLookup } from './jwt-lookup.ts';
import { loadSigningKeys, rotateSigningKeys } from './keys.ts';
import { identityMigration } from './migrations/0001_identity.ts';
import { loginAttemptsMigration } from './migrations/0002_login_attempts.ts';
import { oauthRoutes } from './mount.ts';
import { apiAudience, createProvider } from './provider.ts';
import { ShortCache } from './short-cache.ts';
import { type IdentityTables, SCHEMA } from './tables.ts';

export { type AccessTokenClaims, type AccessTokenVerifier, isRevokedRefusal } from './access-tokens.ts';
export type { ClientDirectory, ConsentDirectory, CustomerDirectory, IdentityDeps } from './deps.ts';

export { apiAudience, OAUTH_ROUTES } from './provider.ts';
export { sandboxAuthorizeRoutes } from './sandbox-authorize.ts';

export const identityMigrations: ModuleMigrations = Object.freeze({
  module: SCHEMA,
  steps: [identityMigration, loginAttemptsMigration],
});

/** Per-name login lockout (see interactions/lockout.ts). */
export interface LoginLockout {
  /** False when the name is locked; true when the attempt may go ahead (counted until cleared). */
  takeAttempt(name: string): Promise<boolean>;
  /** The attempt succeeded: the name's failures are forgotten. */
  clearFailures(name: string): Promise<void>;
}

export interface Identity {
  readonly provider: Provider;
  /** Registers the authorisation server's endpoints and the login and consent pages. */
  readonly routes: (app: FastifyInstance) => Promise<void>;
  /**
   * Verifies an API access token locally (signature, issuer, audience, expiry; the deny-list when
   * first seen). The app's status, the consent and later revocations are the gateway's to check.
   */
  readonly verifyAccessToken: AccessTokenVerifier;
  /** Per-username login lockout, shared by every page where customers log in. */
  readonly lockout: LoginLockout;
  /** Revokes an OAuth grant and every code and token issued under it, at once. */
  revokeGrant(grantId: string): Promise<void>;
  /** Whether the access token with this id was revoked (the durable deny-list). */
  isTokenRevoked(jti: string): Promise<boolean>;
  /** Stops the expiry clean-up timer. */
  close(): void;
}

const CLEANUP_INTERVAL_MS = 10 * 60 * 1000;
const CLIENT_CACHE_MS = 1000;

export async function createIdentity(
  config: Config,
  database: Database,
  deps: IdentityDeps,
): Promise<Identity> {
  const db = database.schema<IdentityTables>(SCHEMA);
  const signingKeys = await loadSigningKeys(db, config.masterKey);
  const verifyJwt = createJwtVerifier(config.publicUrl, apiAudience(config), signingKeys);
  const jwtLookup = createJwtLookup(db, verifyJwt, deps);
  // App changes (a suspension, a new secret) reach the token endpoint and the API within a second;
  // introspection always reads the current state.
  const clientCache = new ShortCache<ClientRecord>(CLIENT_CACHE_MS, (id) => deps.clients.findClient(id));
  const verifyAccessToken = createAccessTokenVerifier(verifyJwt, (jti) => isRevokedJwt(db, jti));
  const onAccessTokenRevoked = async (jti: string) => {
    verifyAccessToken.forget(jti);
    await deps.onAccessTokenRevoked?.(jti);
  };
  const provider = createProvider({
    config,
    db,
    deps: { ...deps, onAccessTokenRevoked },
    signingKeys,
    jwtLookup,
    clientCache,
  });
  const timer = setInterval(() => void deleteExpired(db).catch(() => {}), CLEANUP_INTERVAL_MS);
  timer.unref();
  const revokeGrant = async (grantId: string) => {
    await createDbAdapter(db, 'Grant').revokeByGrantId(grantId);
    await createDbAdapter(db, 'Grant').destroy(grantId);
  };
  const routes = async (app: FastifyInstance) => {
    await app.register(oauthRoutes, { provider });
    await app.register(interactionRoutes, {
      provider,
      deps,
      db,
      csrfKey: deriveKey(config.masterKey, 'csrf'),
      audience: apiAudience(config),
    });
  };
  const lockout = {
    takeAttempt: (username: string) => takeAttempt(db, username),
    clearFailures: (username: string) => clearFailures(db, username),
  };
  return {
    provider,
    routes,
    lockout,
    verifyAccessToken,
    revokeGrant,
    isTokenRevoked: (jti) => isRevokedJwt(db, jti),
    close: () => clearInterval(timer),
  };
}

/** `wekeza keys rotate`: a new current key generation; the old current one is still published. */
export const rotateKeys = (config: Config, database: Database): Promise<void> =>
  rotateSigningKeys(database.schema<IdentityTables>(SCHEMA) as Kysely<IdentityTables>, config.masterKey);
