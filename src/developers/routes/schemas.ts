/**
 * @module JSON schemas of the developer API (snake_case, closed request bodies) and the mapping of
 * domain objects to their JSON form. An app's JSON never carries its secret digest; the secret itself
 * appears only in the answers to create and rotate.
 */
import { Type } from 'typebox';
import { APP_SCOPES, type App, type AppWithSecret, type Developer } from '../types.ts';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../validate-developer.ts';

const Timestamp = Type.String({ format: 'date-time' });
const Name = Type.String({ minLength: 1, maxLength: NAME_MAX, pattern: '\\S' });

export const ClientIdParams = Type.Object({
  client_id: Type.String({ pattern: '^app_[0-9A-HJKMNP-TV-Z]{26}$', description: 'The app’s client id' }),
});

export const DeveloperSchema = Type.Object({
  id: Type.String({ description: 'Developer id, `dev_…`' }),
  email: Type.String(),
  name: Type.String(),
  created_at: Timestamp,
});

export const RegisterBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: EMAIL_MAX }),
    password: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
    name: Name,
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: EMAIL_MAX }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
  },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object({
  token: Type.String({ description: 'Developer bearer token (`wdt_…`) for `Authorization: Bearer`' }),
  token_type: Type.Literal('Bearer'),
  expires_at: Timestamp,
  developer: DeveloperSchema,
});

const Scope = Type.Enum([...APP_SCOPES]);
const AuthMethod = Type.Enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt']);
const RedirectUris = Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), {
  minItems: 1,
  maxItems: 10,
  uniqueItems: true,
  description: 'https URIs; http on 127.0.0.1, [::1] or localhost in sandbox mode only',
});
const Scopes = Type.Array(Scope, { minItems: 1, uniqueItems: true });
const JwksUri = Type.String({ minLength: 1, maxLength: 2000, description: 'https URI of the app’s JWK Set' });
const Jwk = Type.Object({ kty: Type.String() }, { additionalProperties: true, description: 'A public JWK' });
const Jwks = Type.Object(
  { keys: Type.Array(Jwk, { minItems: 1, maxItems: 10 }) },
  { additionalProperties: false, description: 'A JWK Set of public keys, for private_key_jwt' },
);

const IpAllowlist = Type.Array(Type.String({ minLength: 1, maxLength: 49 }), {
  maxItems: 50,
  uniqueItems: true,
  description:
    'CIDR blocks (or single addresses) the app may call the API from, IPv4 or IPv6; empty means any address',
  examples: [['203.0.113.0/24', '2001:db8::/48']],
});

const appInputFields = {
  name: Name,
  redirect_uris: RedirectUris,
  scopes: Scopes,
  token_endpoint_auth_method: Type.Optional(AuthMethod),
  require_pushed_authorization_requests: Type.Optional(Type.Boolean()),
  refresh_token_rotation: Type.Optional(Type.Boolean()),
  ip_allowlist: Type.Optional(IpAllowlist),
};

export const CreateAppBody = Type.Object(
  { ...appInputFields, jwks_uri: Type.Optional(JwksUri), jwks: Type.Optional(Jwks) },
  { additionalProperties: false },
);

export const UpdateAppBody = Type.Object(
  {
    name: Type.Optional(appInputFields.name),
    redirect_uris: Type.Optional(RedirectUris),
    scopes: Type.Optional(Scopes),
    token_endpoint_auth_method: appInputFields.token_endpoint_auth_method,
    require_pushed_authorization_requests: appInputFields.require_pushed_authorization_requests,
    refresh_token_rotation: appInputFields.refresh_token_rotation,
    ip_allowlist: appInputFields.ip_allowlist,
    jwks_uri: Type.Optional(Type.Union([JwksUri, Type.Null()])),
    jwks: Type.Optional(Type.Union([Jwks, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1, description: 'Only the given fields change; null clears' },
);

const appFields = {
  client_id: Type.String({ description: 'Client id, `app_…`' }),
  name: Type.String(),
  redirect_uris: Type.Array(Type.String()),
  scopes: Type.Array(Scope),
  token_endpoint_auth_method: AuthMethod,
  jwks_uri: Type.Union([Type.String(), Type.Null()]),
  jwks: Type.Union([Jwks, Type.Null()]),
  require_pushed_authorization_requests: Type.Boolean(),
  refresh_token_rotation: Type.Boolean(),
  status: Type.Enum(['active', 'suspended']),
  ip_allowlist: Type.Array(Type.String()),
  rate_limit_tier: Type.String({
    description: 'Set by the bank; the limits are in the RateLimit-Policy header',
  }),
  created_at: Timestamp,
  updated_at: Timestamp,
};

export const AppSchema = Type.Object(appFields);
export const AppWithSecretSchema = Type.Object({
  ...appFields,
  client_secret: Type.String({ description: 'The client secret (`wks_…`): shown this once, store it now' }),
});

export const toDeveloperDto = (d: Developer) => ({
  id: d.id,
  email: d.email,
  name: d.name,
  created_at: d.createdAt,
});

export const toAppDto = (a: App) => ({
  client_id: a.clientId,
  name: a.name,
  redirect_uris: [...a.redirectUris],
  scopes: [...a.scopes],
  token_endpoint_auth_method: a.tokenEndpointAuthMethod,
  jwks_uri: a.jwksUri,
  jwks: a.jwks === null ? null : { keys: a.jwks.keys.map((k) => ({ ...k, kty: String(k.kty) })) },
  require_pushed_authorization_requests: a.requirePushedAuthorizationRequests,
  refresh_token_rotation: a.refreshTokenRotation,
  status: a.status,
  ip_allowlist: [...a.ipAllowlist],
  rate_limit_tier: a.rateLimitTier,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

export const toAppWithSecretDto = (a: AppWithSecret) => ({ ...toAppDto(a), client_secret: a.clientSecret });
