/** @module Validated request bodies of the app routes turned into the service's camelCase inputs. */
import type { Static } from 'typebox';
import type { AppPatch, NewApp } from '../types.ts';
import type { CreateAppBody, UpdateAppBody } from './schemas.ts';

export const fromCreateBody = (b: Static<typeof CreateAppBody>): NewApp => ({
  name: b.name,
  redirectUris: b.redirect_uris,
  scopes: b.scopes,
  tokenEndpointAuthMethod: b.token_endpoint_auth_method,
  jwksUri: b.jwks_uri,
  jwks: b.jwks,
  requirePushedAuthorizationRequests: b.require_pushed_authorization_requests,
  refreshTokenRotation: b.refresh_token_rotation,
  ipAllowlist: b.ip_allowlist,
});

export const fromUpdateBody = (b: Static<typeof UpdateAppBody>): AppPatch => ({
  name: b.name,
  redirectUris: b.redirect_uris,
  scopes: b.scopes,
  tokenEndpointAuthMethod: b.token_endpoint_auth_method,
  jwksUri: b.jwks_uri,
  jwks: b.jwks,
  requirePushedAuthorizationRequests: b.require_pushed_authorization_requests,
  refreshTokenRotation: b.refresh_token_rotation,
  ipAllowlist: b.ip_allowlist,
});
