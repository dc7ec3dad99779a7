/**
 * @module The developers module's domain types: developer accounts and their apps (OAuth clients).
 * `ClientRecord` is what the identity module reads to authenticate a client at the token endpoint.
 */

export const API_SCOPES = ['accounts.read', 'transactions.read', 'payments.write'] as const;
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'phone', 'offline_access'] as const;
/** Every scope an app may be granted. */
export const APP_SCOPES = [...OIDC_SCOPES, ...API_SCOPES] as const;
export type AppScope = (typeof APP_SCOPES)[number];

export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

export interface Developer {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface App {
  readonly clientId: string;
  readonly developerId: string;
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly scopes: readonly AppScope[];
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  readonly jwksUri: string | null;
  /** A JWK Set (`{ keys: [...] }`) for private_key_jwt, or null. */
  readonly jwks: { readonly keys: readonly Record<string, unknown>[] } | null;
  readonly requirePushedAuthorizationRequests: boolean;
  readonly refreshTokenRotation: boolean;
  readonly status: 'active' | 'suspended';
  /** CIDR blocks the app may call the API from; empty means any address. */
  readonly ipAllowlist: readonly string[];
  /** The rate-limit tier, set by the bank's operator. */
  readonly rateLimitTier: string;
  /** Bumped by every change to the app. */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An app as the authorisation server needs it: with the SHA-256 digest of its current secret. */
export interface ClientRecord extends App {
  /** base64url SHA-256 digest of the client secret. */
  readonly secretDigest: string;
}

/** An app with its freshly generated secret: returned once, at creation and at rotation. */
export interface AppWithSecret extends App {
  readonly clientSecret: string;
}

export type AppStatus = App['status'];

/** An app as the API gateway sees it on every request. */
export interface GatewayApp {
  readonly clientId: string;
  readonly status: AppStatus | 'deleted';
  readonly revision: number;
  readonly rateLimitTier: string;
  readonly ipAllowlist: readonly string[];
}

export interface NewDeveloper {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

/** A developer's bearer token, returned once at login; only its digest is stored. */
export interface DeveloperSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly developer: Developer;
}

/** What a developer supplies to register an app; omitted options take their defaults. */
export interface NewApp {
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly scopes: readonly AppScope[];
  /** Default `client_secret_basic`. */
  readonly tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  readonly jwksUri?: string | null;
  readonly jwks?: App['jwks'];
  /** Default false. */
  readonly requirePushedAuthorizationRequests?: boolean;
  /** Default false (FAPI 2.0 forbids rotation for confidential clients). */
  readonly refreshTokenRotation?: boolean;
  /** Default empty: any address. */
  readonly ipAllowlist?: readonly string[];
}

/** A change to an app: only the given fields change; `null` clears `jwksUri`/`jwks`. */
export type AppPatch = Partial<NewApp>;
