/**
 * @module The settings a developer controls on an app, with their defaults applied on creation and
 * a patch merged over them on update; and the same settings as table columns.
 */
import type { AppsTable } from './tables.ts';
import type { App, AppPatch, NewApp } from './types.ts';

export type AppSettings = Pick<
  App,
  | 'name'
  | 'redirectUris'
  | 'scopes'
  | 'tokenEndpointAuthMethod'
  | 'jwksUri'
  | 'jwks'
  | 'requirePushedAuthorizationRequests'
  | 'refreshTokenRotation'
  | 'ipAllowlist'
>;

/** The defaults: secret in the Basic header, no PAR requirement, no refresh-token rotation. */
export const withDefaults = (input: NewApp): AppSettings => ({
  name: input.name.trim(),
  redirectUris: [...input.redirectUris],
  scopes: [...input.scopes],
  tokenEndpointAuthMethod: input.tokenEndpointAuthMethod ?? 'client_secret_basic',
  jwksUri: input.jwksUri ?? null,
  jwks: input.jwks ?? null,
  requirePushedAuthorizationRequests: input.requirePushedAuthorizationRequests ?? false,
  refreshTokenRotation: input.refreshTokenRotation ?? false,
  ipAllowlist: [...(input.ipAllowlist ?? [])],
});

export const merge = (current: AppSettings, patch: AppPatch): AppSettings => ({
  name: patch.name?.trim() ?? current.name,
  redirectUris: patch.redirectUris ? [...patch.redirectUris] : current.redirectUris,
  scopes: patch.scopes ? [...patch.scopes] : current.scopes,
  tokenEndpointAuthMethod: patch.tokenEndpointAuthMethod ?? current.tokenEndpointAuthMethod,
  jwksUri: patch.jwksUri === undefined ? current.jwksUri : patch.jwksUri,
  jwks: patch.jwks === undefined ? current.jwks : patch.jwks,
  requirePushedAuthorizationRequests:
    patch.requirePushedAuthorizationRequests ?? current.requirePushedAuthorizationRequests,
  refreshTokenRotation: patch.refreshTokenRotation ?? current.refreshTokenRotation,
  ipAllowlist: patch.ipAllowlist ? [...patch.ipAllowlist] : current.ipAllowlist,
});

export const toColumns = (s: AppSettings) =>
  ({
    name: s.name,
    redirect_uris: JSON.stringify(s.redirectUris),
    scopes: JSON.stringify(s.scopes),
    token_endpoint_auth_method: s.tokenEndpointAuthMethod,
    jwks_uri: s.jwksUri,
    jwks: s.jwks === null ? null : JSON.stringify(s.jwks),
    require_par: s.requirePushedAuthorizationRequests ? 1 : 0,
    refresh_token_rotation: s.refreshTokenRotation ? 1 : 0,
    ip_allowlist: JSON.stringify(s.ipAllowlist),
  }) satisfies Partial<AppsTable>;
