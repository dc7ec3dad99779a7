/** @module Rows of the developers tables turned into domain objects (never carrying a hash or digest out by accident). */
import type { Selectable } from 'kysely';
import type { AppsTable, DevelopersTable } from './tables.ts';
import type { App, AppScope, ClientRecord, Developer, TokenEndpointAuthMethod } from './types.ts';

export const toDeveloper = (r: Pick<Selectable<DevelopersTable>, 'id' | 'email' | 'name' | 'created_at'>) =>
  ({ id: r.id, email: r.email, name: r.name, createdAt: r.created_at }) satisfies Developer;

export const toApp = (r: Selectable<AppsTable>): App => ({
  clientId: r.client_id,
  developerId: r.developer_id,
  name: r.name,
  redirectUris: JSON.parse(r.redirect_uris) as string[],
  scopes: JSON.parse(r.scopes) as AppScope[],
  tokenEndpointAuthMethod: r.token_endpoint_auth_method as TokenEndpointAuthMethod,
  jwksUri: r.jwks_uri,
  jwks: r.jwks === null ? null : (JSON.parse(r.jwks) as App['jwks']),
  requirePushedAuthorizationRequests: Number(r.require_par) === 1,
  refreshTokenRotation: Number(r.refresh_token_rotation) === 1,
  status: r.status as App['status'],
  ipAllowlist: JSON.parse(r.ip_allowlist) as string[],
  rateLimitTier: r.rate_limit_tier,
  revision: Number(r.revision),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toClientRecord = (r: Selectable<AppsTable>): ClientRecord => ({
  ...toApp(r),
  secretDigest: r.secret_digest,
});
