/**
 * @module Public door of the identity module: the OAuth 2.0 / OpenID Connect authorisation server,
 * its migrations, and signing-key management.
 */
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import type { Config, Database, ModuleMigrations } from '../platform/index.ts';
import { deleteExpired } from './adapter.ts';
import { loadSigningKeys, rotateSigningKeys } from './keys.ts';
import { identityMigration } from './migrations/0001_identity.ts';
import { type ClientDirectory, createProvider } from './provider.ts';
import { type IdentityTables, SCHEMA } from './tables.ts';

export { oauthRoutes } from './mount.ts';
export { apiAudience, type ClientDirectory, OAUTH_ROUTES } from './provider.ts';

export const identityMigrations: ModuleMigrations = Object.freeze({
  module: SCHEMA,
  steps: [identityMigration],
});

export interface Identity {
  readonly provider: Provider;
  /** Stops the expiry clean-up timer. */
  close(): void;
}

const CLEANUP_INTERVAL_MS = 10 * 60 * 1000;

export async function createIdentity(
  config: Config,
  database: Database,
  clients: ClientDirectory,
): Promise<Identity> {
  const db = database.schema<IdentityTables>(SCHEMA);
  const signingKeys = await loadSigningKeys(db, config.masterKey);
  const provider = createProvider({ config, db, clients, signingKeys });
  const timer = setInterval(() => void deleteExpired(db).catch(() => {}), CLEANUP_INTERVAL_MS);
  timer.unref();
  return { provider, close: () => clearInterval(timer) };
}

/** `wekeza keys rotate`: a new current key generation; the old current one is still published. */
export const rotateKeys = (config: Config, database: Database): Promise<void> =>
  rotateSigningKeys(database.schema<IdentityTables>(SCHEMA) as Kysely<IdentityTables>, config.masterKey);
