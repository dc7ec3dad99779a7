/**
 * @module @wekeza/sdk — the TypeScript SDK of the Wekeza Open Banking API: a typed client generated
 * from the OpenAPI document, OAuth helpers (client credentials, authorization code with PKCE and a
 * consent, refresh), pagination over `links.next`, and Standard Webhooks signature verification.
 */
export {
  type ClientOptions,
  createWekezaClient,
  type Problem,
  unwrap,
  WekezaApiError,
  type WekezaClient,
  type WekezaPaths,
} from './client.ts';
export type { components, operations, paths } from './generated/openapi.ts';
export { listAll } from './list-all.ts';
export {
  type AppCredentials,
  type AuthorizationRequest,
  pkcePair,
  type Tokens,
  WekezaOAuth,
} from './oauth.ts';
export { type ItemOf, type ListPath, paginate } from './pagination.ts';
export {
  type VerifyOptions,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from './webhooks.ts';
