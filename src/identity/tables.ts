/** @module The identity module's tables (schema `identity`): oidc-provider state and signing keys. */

export interface OidcPayloadsTable {
  model: string;
  id: string;
  payload: string;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  /** Unix seconds. */
  expires_at: number | bigint | null;
  consumed_at: number | bigint | null;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  status: 'current' | 'previous' | 'retired';
  /** AES-256-GCM `iv.tag.ciphertext` (base64url) of the private JWK. */
  encrypted_jwk: string;
  created_at: string;
}

export interface LoginAttemptsTable {
  username: string;
  failures: number | bigint;
  /** Unix seconds, or null when not locked. */
  locked_until: number | bigint | null;
}

export interface IdentityTables {
  oidc_payloads: OidcPayloadsTable;
  signing_keys: SigningKeysTable;
  login_attempts: LoginAttemptsTable;
}

export const SCHEMA = 'identity';
