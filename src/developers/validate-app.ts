/**
 * @module Checks an app's settings before they are stored: each field the caller supplied (so an
 * update is not refused for an untouched field), then whether the result is consistent as a whole.
 */
import { AppError } from '../platform/index.ts';
import { parseCidr } from '../platform/net.ts';
import type { AppSettings } from './app-settings.ts';
import { checkJwks, checkJwksUri, checkKeySource } from './jwks.ts';
import { checkRedirectUris } from './redirect-uris.ts';
import { APP_SCOPES, type AppPatch, type AppScope, type TokenEndpointAuthMethod } from './types.ts';
import { NAME_MAX } from './validate-developer.ts';

const AUTH_METHODS: readonly TokenEndpointAuthMethod[] = [
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
];

function checkScopes(scopes: readonly AppScope[]): void {
  const unknown = scopes.findIndex((s) => !(APP_SCOPES as readonly string[]).includes(s));
  if (unknown >= 0) {
    throw new AppError('SCOPE_NOT_ALLOWED', `Scope ${scopes[unknown]} does not exist`, {
      errors: [{ path: `/body/scopes/${unknown}`, message: `must be one of ${APP_SCOPES.join(', ')}` }],
    });
  }
  if (scopes.length === 0 || new Set(scopes).size !== scopes.length) {
    throw new AppError('SCOPE_NOT_ALLOWED', 'An app needs at least one scope, each listed once', {
      errors: [{ path: '/body/scopes', message: 'must be a non-empty list without duplicates' }],
    });
  }
}

function checkName(name: string): void {
  if (name.trim().length < 1 || name.length > NAME_MAX) {
    throw new AppError('VALIDATION_FAILED', `/body/name must be 1 to ${NAME_MAX} characters`, {
      errors: [{ path: '/body/name', message: `must be 1 to ${NAME_MAX} characters` }],
    });
  }
}

function checkIpAllowlist(blocks: readonly string[]): void {
  const bad = blocks.findIndex((b) => parseCidr(b) === undefined);
  if (bad >= 0) {
    throw new AppError('VALIDATION_FAILED', `${blocks[bad]} is not an IP address or CIDR block`, {
      errors: [
        { path: `/body/ip_allowlist/${bad}`, message: 'must be an IPv4 or IPv6 address or CIDR block' },
      ],
    });
  }
}

/** Throws the first problem found; `given` is what the caller sent, `result` the settings to store. */
export function checkApp(given: AppPatch, result: AppSettings, sandbox: boolean): void {
  if (given.name !== undefined) checkName(result.name);
  if (given.redirectUris !== undefined) checkRedirectUris(result.redirectUris, sandbox);
  if (given.scopes !== undefined) checkScopes(result.scopes);
  if (given.ipAllowlist !== undefined) checkIpAllowlist(result.ipAllowlist);
  if (!AUTH_METHODS.includes(result.tokenEndpointAuthMethod)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown token endpoint authentication method', {
      errors: [
        { path: '/body/token_endpoint_auth_method', message: `must be one of ${AUTH_METHODS.join(', ')}` },
      ],
    });
  }
  if (given.jwks !== undefined) checkJwks(result.jwks);
  if (given.jwksUri !== undefined) checkJwksUri(result.jwksUri, sandbox);
  checkKeySource(result);
}
