/**
 * @module The developers module's tables (schema `developers`). JSON values (redirect URIs, scopes,
 * JWK Sets) are stored as JSON text on both backends; flags are integers 0/1.
 */

export const SCHEMA = 'developers';

export interface DevelopersTable {
  id: string;
  /** Lower-cased, unique. */
  email: string;
  name: string;
  /** scrypt, see the platform's `hashPassword`. */
  password_hash: string;
  created_at: string;
}

export interface DeveloperSessionsTable {
  /** base64url SHA-256 of the bearer token; the token itself is never stored. */
  token_digest: string;
  developer_id: string;
  expires_at: string;
  created_at: string;
}

export interface AppsTable {
  client_id: string;
  developer_id: string;
  name: string;
  redirect_uris: string;
  scopes: string;
  token_endpoint_auth_method: string;
  jwks_uri: string | null;
  jwks: string | null;
  require_par: number;
  refresh_token_rotation: number;
  status: string;
  /** base64url SHA-256 of the client secret; the secret itself is never stored. */
  secret_digest: string;
  created_at: string;
  updated_at: string;
  /** CIDR blocks (JSON array) the app may call the API from; empty means any address. */
  ip_allowlist: string;
  /** Set by the operator (`wekeza apps tier`), one of the configured rate-limit tiers. */
  rate_limit_tier: string;
  /** 1, 2, 3…: bumped by every change, so caches can tell which copy is newer. */
  revision: number | bigint;
  /** Set by delete: a deleted app is gone for every reader, but its client id is never reused. */
  deleted_at: string | null;
}

export interface DeveloperTables {
  developers: DevelopersTable;
  developer_sessions: DeveloperSessionsTable;
  apps: AppsTable;
}
