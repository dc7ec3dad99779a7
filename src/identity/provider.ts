/**
 * @module The OAuth 2.0 / OpenID Connect authorisation server: oidc-provider configured from one
 * readable table. Clients come from the developers module; state lives in the platform database;
 * API access tokens are ES256 JWTs (RFC 9068) for the API audience.
 */

import type { JWK } from 'jose';
import type { Kysely } from 'kysely';
import Provider, { type ClientMetadata, type Configuration, errors } from 'oidc-provider';
import { API_SCOPES, APP_SCOPES, type ClientRecord } from '../developers/index.ts';
import { type Config, deriveKey, digest, equalDigests, resolveTarget } from '../platform/index.ts';
import { createDbAdapter } from './adapter.ts';
import type { IdentityDeps } from './deps.ts';
import type { JwtLookup } from './jwt-lookup.ts';
import type { ShortCache } from './short-cache.ts';
import type { IdentityTables } from './tables.ts';

export interface ProviderOptions {
  readonly config: Config;
  readonly db: Kysely<IdentityTables>;
  readonly deps: IdentityDeps;
  readonly signingKeys: readonly JWK[];
  readonly jwtLookup: JwtLookup;
  /** App records, cached for a second: the token endpoint looks its client up on every request. */
  readonly clientCache: ShortCache<ClientRecord>;
}

/** The audience of API access tokens. */
export const apiAudience = (config: Config): string => `${config.publicUrl}/v1`;

export const OAUTH_ROUTES = {
  authorization: '/oauth2/authorize',
  pushed_authorization_request: '/oauth2/par',
  token: '/oauth2/token',
  jwks: '/oauth2/jwks',
  userinfo: '/oauth2/userinfo',
  introspection: '/oauth2/introspect',
  revocation: '/oauth2/revoke',
  end_session: '/oauth2/logout',
} as const;

/** An app as oidc-provider client metadata; suspended apps do not exist for the provider. */
export function clientMetadata(app: ClientRecord): ClientMetadata | undefined {
  if (app.status !== 'active') return undefined;
  return {
    client_id: app.clientId,
    client_name: app.name,
    // The stored digest stands in for the secret: compareClientSecret digests what the client sends.
    ...(app.tokenEndpointAuthMethod === 'private_key_jwt' ? {} : { client_secret: app.secretDigest }),
    token_endpoint_auth_method: app.tokenEndpointAuthMethod,
    redirect_uris: [...app.redirectUris],
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types: ['code'],
    scope: app.scopes.join(' '),
    require_pushed_authorization_requests: app.requirePushedAuthorizationRequests,
    refresh_token_rotation: app.refreshTokenRotation,
    ...(app.jwks ? { jwks: app.jwks as ClientMetadata['jwks'] } : {}),
    ...(app.jwksUri ? { jwks_uri: app.jwksUri } : {}),
  };
}

export function createProvider(options: ProviderOptions): Provider {
  const { config, db, deps } = options;
  const { clientCache } = options;
  const audience = apiAudience(config);
  const ttl = config.accessTokenTtl;

  const configuration: Configuration = {
    // An app's jwks_uri is fetched from where the app said: outside sandbox mode its host must
    // resolve to addresses the platform may reach (the outbound policy), checked before connecting,
    // so a developer cannot make the token endpoint knock on internal addresses. oidc-provider's own
    // dispatcher then refuses non-public addresses at connection time as well.
    fetch: async (url, init) => {
      if (!config.sandbox) {
        await resolveTarget(url instanceof Request ? url.url : String(url), { sandbox: false });
      }
      return globalThis.fetch(url, init);
    },
    adapter: (model: string) => {
      if (model === 'RefreshToken') {
        // A refresh token never outlives its consent: once the consent is no longer authorised
        // (revoked, or expired), the token is not found.
        const adapter = createDbAdapter(db, model);
        return {
          ...adapter,
          find: async (id: string) => {
            const payload = await adapter.find(id);
            if (!payload?.grantId) return payload;
            const consent = await deps.consents().findByGrantId(payload.grantId);
            return !consent || consent.status === 'authorized' ? payload : undefined;
          },
        };
      }
      if (model !== 'Client') {
        return createDbAdapter(db, model, options.jwtLookup, deps.onAccessTokenRevoked);
      }
      return {
        find: async (id: string) => {
          const app = await clientCache.get(id);
          return app ? clientMetadata(app) : undefined;
        },
        upsert: async () => {},
        findByUid: async () => undefined,
        findByUserCode: async () => undefined,
        consume: async () => {},
        destroy: async () => {},
        revokeByGrantId: async () => {},
      };
    },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    cookies: { keys: [deriveKey(config.masterKey, 'cookies').toString('base64url')] },
    jwks: { keys: options.signingKeys.map((k) => ({ ...k })) as NonNullable<Configuration['jwks']>['keys'] },
    scopes: [...APP_SCOPES],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email'],
      phone: ['phone_number'],
    },
    pkce: { required: () => true },
    routes: OAUTH_ROUTES,
    ttl: {
      AccessToken: ttl,
      ClientCredentials: ttl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 24 * 3600,
      Grant: 365 * 24 * 3600,
      // The ceiling is a consent's longest life (a year); a refresh token whose consent is revoked or
      // expired earlier is refused when used (see the RefreshToken adapter below).
      RefreshToken: 365 * 24 * 3600,
      PushedAuthorizationRequest: 60,
    },
    features: {
      devInteractions: { enabled: false },
      // Off: the gateway takes Bearer tokens and checks no DPoP proof, so a DPoP-bound token would be
      // bound in name only (a stolen one would work as a Bearer token).
      dPoP: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        // An app may introspect only its own tokens: another app's answer is `active: false`.
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      // An app may revoke only its own tokens.
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
      resourceIndicators: {
        enabled: true,
        // API scopes mean a token for the API audience (a JWT); a login-only request (OIDC scopes
        // alone) gets the issuer's own opaque token, good for userinfo. At the token endpoint the
        // resource granted at authorisation is used (useGrantedResource).
        defaultResource: (ctx) => {
          const scopes = String(ctx.oidc.params?.scope ?? '').split(' ');
          return scopes.some((s) => (API_SCOPES as readonly string[]).includes(s)) ? audience : undefined;
        },
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== audience) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPES.join(' '),
            audience,
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256', 'PS256', 'RS256'],
      userinfoSigningAlgValues: ['ES256', 'PS256', 'RS256'],
      introspectionSigningAlgValues: ['ES256', 'PS256', 'RS256'],
      clientAuthSigningAlgValues: ['ES256', 'PS256', 'RS256', 'EdDSA'],
      requestObjectSigningAlgValues: ['ES256', 'PS256', 'RS256', 'EdDSA'],
    },
    interactions: { url: (_ctx, interaction) => `/login/${interaction.uid}` },
    extraParams: ['consent_id'],
    // Each consent gets its own grant: a request naming a consent never reuses the session's earlier
    // grant for the app (that would skip the consent page and bind tokens to the old consent).
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        (ctx.oidc.params?.consent_id
          ? undefined
          : ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? ''));
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    extraClientMetadata: { properties: ['refresh_token_rotation'] },
    // Off unless the app asks for it: FAPI 2.0 forbids rotation, and rotation races revoke whole grants.
    rotateRefreshToken: (ctx) => ctx.oidc.client?.metadata().refresh_token_rotation === true,
    findAccount: async (_ctx, sub) => {
      const customer = await deps.customers.get(sub).catch(() => undefined);
      if (!customer) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: customer.name,
          email: customer.email,
          phone_number: customer.phone,
        }),
      };
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.grantId) return undefined;
      const consent = await deps.consents().findByGrantId(token.grantId);
      return consent ? { consent_id: consent.id } : undefined;
    },
    renderError: async (ctx, out) => {
      ctx.type = 'application/json';
      ctx.body = out;
    },
  };

  const provider = new Provider(config.publicUrl, configuration);
  // Behind a TLS-terminating proxy the provider must trust X-Forwarded-Proto/Host, or its discovery
  // document and redirects would advertise http URLs.
  provider.proxy = config.trustProxy !== false;
  // Client secrets are stored as SHA-256 digests (they carry 256 bits of randomness): digest what the
  // client sent and compare in constant time. The library exposes this method for exactly that.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(actual: string) {
    return equalDigests(digest(actual), this.clientSecret ?? '');
  };
  return provider;
}
