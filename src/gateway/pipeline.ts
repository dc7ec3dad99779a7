/**
 * @module The gateway pipeline every `/v1` route passes, declared per route with
 * `config.gateway = { token: 'customer', scope } | { token: 'client' }`:
 *
 * 1. authenticate: a bearer JWT verified locally (cached once verified), then one shared-store round
 *    trip that reads the app, the consent, the token revocation list and the route's prefetched
 *    entries, and counts the request against the app's and the customer's rate limits: a revoked
 *    token or an inactive app is 401 `invalid_token` (RFC 6750);
 * 2. the app's IP allow-list — else 403 IP_NOT_ALLOWED;
 * 3. for customer data, the consent: authorised, unexpired, this app's and customer's (else 401),
 *    with the route's scope (else 403 `insufficient_scope`), covering the `:account_id` (else 404, so
 *    account ids cannot be probed);
 * 4. throttle: 429 with `Retry-After` when a limit is used up (refused requests count too);
 *    `RateLimit-Policy` and `RateLimit` headers on every answer;
 * 5. log (app, customer, consent join the access-log line), meter usage, and audit customer-data
 *    access.
 *
 * Every answer carries `API-Version`; a deprecated route also `Deprecation`, `Sunset` and a `Link`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type AccessTokenClaims, type AccessTokenVerifier, isRevokedRefusal } from '../identity/index.ts';
import { AppError, bearerToken, type RateTier, type SharedStore, type Versioned } from '../platform/index.ts';
import { allowlistMatcher } from '../platform/net.ts';
import { annotateAccessLog } from '../platform/observability/access-log.ts';
import type { AuditTrail } from './audit.ts';
import type { GatewayMetrics } from './metrics.ts';
import { applyThrottle, bucketsFor, type Throttle, throttle } from './rate-limit.ts';
import type { UsageMeter } from './usage.ts';
import type { ConsentView, GatewayViews } from './views.ts';

/** The API version this platform serves (the major is in the URL). */
export const API_VERSION = '1.0';

export interface Deprecation {
  /** When the route was deprecated (RFC 3339). */
  readonly since: string;
  /** When it will stop working (RFC 3339), if decided. */
  readonly sunset?: string;
  /** Where the migration is explained. */
  readonly link?: string;
}

/** Shared-store keys a route will read, fetched with the gateway's own look-up (one round trip). */
export type Prefetch = (params: Readonly<Record<string, unknown>>) => readonly string[];

export type GatewayRoute =
  | {
      readonly token: 'customer';
      readonly scope: string;
      readonly deprecation?: Deprecation;
      readonly prefetch?: Prefetch;
    }
  | { readonly token: 'client'; readonly deprecation?: Deprecation; readonly prefetch?: Prefetch };

declare module 'fastify' {
  interface FastifyContextConfig {
    gateway?: GatewayRoute;
  }
  interface FastifyRequest {
    /** What a request that passed the gateway may act as (see gatewayOf); null before. */
    gatewayContext: GatewayContext | null;
  }
}

/** What a request that passed the gateway may act as. */
export interface GatewayContext {
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Customer tokens only. */
  readonly customerId?: string;
  readonly consent?: ConsentView;
  /** The route's prefetched store entries, by key (an entry may be missing). */
  readonly prefetched?: ReadonlyMap<string, Versioned | undefined>;
}

export interface CustomerAccess {
  readonly clientId: string;
  readonly customerId: string;
  readonly consent: ConsentView;
}

export interface PipelineOptions {
  readonly verifyAccessToken: AccessTokenVerifier;
  readonly views: GatewayViews;
  readonly store: SharedStore;
  readonly tiers: Readonly<Record<string, RateTier>>;
  readonly usage: UsageMeter;
  readonly audit: AuditTrail;
  readonly metrics: GatewayMetrics;
  readonly now?: () => number;
}

/** The gateway context of a request that passed a `token` route. */
export function gatewayOf(request: FastifyRequest): GatewayContext {
  const context = request.gatewayContext;
  if (!context) throw new AppError('UNAUTHENTICATED');
  return context;
}

/** For customer-token routes: the app, the customer and the consent. */
export function accessOf(request: FastifyRequest): CustomerAccess {
  const { clientId, customerId, consent } = gatewayOf(request);
  if (!customerId || !consent) throw new AppError('UNAUTHENTICATED');
  return { clientId, customerId, consent };
}

/** The client id of a request that passed a `client` route. */
export const clientOf = (request: FastifyRequest): string => gatewayOf(request).clientId;

const httpDate = (iso: string) => new Date(iso).toUTCString();

/** The last millisecond formatted: the requests of one millisecond share the text (formatting is slow). */
let lastIso = { at: Number.NaN, text: '' };
function isoOf(at: number): string {
  if (at !== lastIso.at) lastIso = { at, text: new Date(at).toISOString() };
  return lastIso.text;
}

function invalidToken(reply: FastifyReply, detail: string): AppError {
  reply.header('www-authenticate', 'Bearer error="invalid_token"');
  return new AppError('UNAUTHENTICATED', detail, { extra: { error: 'invalid_token' } });
}

function insufficientScope(reply: FastifyReply, scope: string | undefined, detail: string): AppError {
  reply.header('www-authenticate', `Bearer error="insufficient_scope"${scope ? `, scope="${scope}"` : ''}`);
  return new AppError('INSUFFICIENT_SCOPE', detail, { extra: { error: 'insufficient_scope' } });
}

const isClientToken = (c: AccessTokenClaims) =>
  c.consentId === undefined && (c.sub === undefined || c.sub === c.clientId);

async function pipeline(app: FastifyInstance, opts: PipelineOptions): Promise<void> {
  // A decoration, not a WeakMap keyed by request: a new WeakMap entry per request cost more than
  // the rest of the bookkeeping around it.
  app.decorateRequest('gatewayContext', null);
  const { metrics, views } = opts;
  const now = opts.now ?? Date.now;
  const matchers = new Map<string, { revision: number; allows: (ip: string) => boolean }>();

  const allowsIp = (clientId: string, revision: number, blocks: readonly string[], ip: string) => {
    let m = matchers.get(clientId);
    if (!m || m.revision !== revision) {
      if (matchers.size > 10_000) matchers.clear();
      m = { revision, allows: allowlistMatcher(blocks) };
      matchers.set(clientId, m);
    }
    return m.allows(ip);
  };

  /** The app's tier names, as last seen. */
  const tierNames = new Map<string, string>();

  const tierOf = (name: string) => opts.tiers[name] ?? opts.tiers.standard;

  /** Each token's buckets for its app's tier, by token id: the same keys every request, built once. */
  const plans = new Map<
    string,
    {
      tier: RateTier;
      clientId: string;
      customerId: string | undefined;
      plan: ReturnType<typeof bucketsFor>;
    }
  >();
  const planOf = (tier: RateTier, claims: AccessTokenClaims, customerId: string | undefined) => {
    const known = plans.get(claims.jti);
    if (known?.tier === tier && known.clientId === claims.clientId && known.customerId === customerId) {
      return known.plan;
    }
    if (plans.size > 10_000) plans.clear();
    const plan = bucketsFor(tier, claims.clientId, customerId);
    plans.set(claims.jti, { tier, clientId: claims.clientId, customerId, plan });
    return plan;
  };

  /** Takes one unit from the app's (and customer's) buckets; undefined when the store failed. */
  async function count(request: FastifyRequest, tierName: string, clientId: string, customerId?: string) {
    const tier = tierOf(tierName);
    if (!tier) return undefined;
    try {
      return await throttle(opts.store, tier, clientId, customerId);
    } catch (err) {
      // Fail open: an unreachable store must not take the API down with it.
      metrics.storeErrors.inc();
      request.log.error({ err }, 'rate limiting skipped: the shared store failed');
      return undefined;
    }
  }

  async function authenticate(request: FastifyRequest, reply: FastifyReply, route: GatewayRoute) {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      metrics.tokenFailures.inc({ reason: 'missing' });
      reply.header('www-authenticate', 'Bearer');
      throw new AppError(
        'UNAUTHENTICATED',
        route.token === 'customer'
          ? "Send the customer's access token: Authorization: Bearer …"
          : "Send the app's access token: Authorization: Bearer …",
      );
    }
    let claims: AccessTokenClaims;
    try {
      claims = await opts.verifyAccessToken(token);
    } catch (err) {
      const wasRevoked = isRevokedRefusal(err);
      metrics.tokenFailures.inc({ reason: wasRevoked ? 'revoked' : 'invalid' });
      throw invalidToken(
        reply,
        wasRevoked ? 'The access token was revoked' : 'The access token is not valid',
      );
    }
    if (route.token === 'customer' && (!claims.consentId || !claims.sub)) {
      metrics.tokenFailures.inc({ reason: 'not_customer_token' });
      throw invalidToken(reply, 'This API needs a customer access token bound to a consent');
    }
    if (route.token === 'client' && !isClientToken(claims)) {
      metrics.tokenFailures.inc({ reason: 'not_client_token' });
      throw insufficientScope(
        reply,
        undefined,
        "This needs the app's client-credentials token, not a customer's",
      );
    }
    // The rate-limit count goes out with the look-up (one store round trip) when the app's tier is
    // known from an earlier request; a tier change applies from the request after it is seen.
    const customerId = route.token === 'customer' ? claims.sub : undefined;
    const knownTier = tierNames.get(claims.clientId);
    const tier = knownTier === undefined ? undefined : tierOf(knownTier);
    const planned = tier && planOf(tier, claims, customerId);
    const prefetch = route.prefetch?.(request.params as Record<string, unknown>) ?? [];
    const found = await views.lookup(claims.clientId, claims.consentId, claims.jti, {
      keys: prefetch,
      buckets: planned?.buckets,
    });
    if (tierNames.size > 10_000) tierNames.clear();
    tierNames.set(claims.clientId, found.app.rateLimitTier);
    const early: Throttle | undefined =
      planned && found.taken ? { result: found.taken, policies: planned.policies } : undefined;
    const prefetched = new Map(prefetch.map((k, i) => [k, found.extra[i]]));
    if (found.tokenRevoked) {
      metrics.tokenFailures.inc({ reason: 'revoked' });
      throw invalidToken(reply, 'The access token was revoked');
    }
    if (found.app.status !== 'active') {
      metrics.tokenFailures.inc({ reason: 'app_inactive' });
      throw invalidToken(reply, 'The app is not active');
    }
    const counted =
      knownTier === found.app.rateLimitTier
        ? early
        : await count(request, found.app.rateLimitTier, claims.clientId, customerId);
    return { claims, app: found.app, consent: found.consent, counted, prefetched };
  }

  function checkConsent(
    request: FastifyRequest,
    reply: FastifyReply,
    claims: AccessTokenClaims,
    consent: ConsentView | undefined,
    scope: string,
  ): ConsentView {
    const refuse = (reason: string) => metrics.consentRefusals.inc({ reason });
    if (
      consent?.status !== 'authorized' ||
      consent.clientId !== claims.clientId ||
      consent.customerId !== claims.sub
    ) {
      refuse('not_authorized');
      throw invalidToken(reply, 'The consent behind this token is no longer authorised');
    }
    if (Date.parse(consent.expiresAt) <= now()) {
      refuse('expired');
      throw invalidToken(reply, 'The consent behind this token has expired');
    }
    if (!claims.scopes.includes(scope) || !consent.scopes.includes(scope)) {
      refuse('scope');
      throw insufficientScope(reply, scope, `This needs the ${scope} scope`);
    }
    const accountId = (request.params as { account_id?: unknown } | undefined)?.account_id;
    if (typeof accountId === 'string' && !consent.accountIds.includes(accountId)) {
      refuse('account');
      throw new AppError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist`);
    }
    return consent;
  }

  app.addHook('onRequest', async (request, reply) => {
    reply.header('api-version', API_VERSION);
    const route = request.routeOptions.config.gateway;
    if (!route) return;
    if (route.deprecation) {
      reply.header('deprecation', `@${Math.floor(Date.parse(route.deprecation.since) / 1000)}`);
      if (route.deprecation.sunset) reply.header('sunset', httpDate(route.deprecation.sunset));
      if (route.deprecation.link) reply.header('link', `<${route.deprecation.link}>; rel="deprecation"`);
    }

    const { claims, app: client, consent, counted, prefetched } = await authenticate(request, reply, route);
    // Metered from here on, refusals included: the app is known.
    request.gatewayContext = { clientId: claims.clientId, scopes: claims.scopes };
    annotateAccessLog(request, { app: claims.clientId });
    if (!allowsIp(client.clientId, client.revision, client.ipAllowlist, request.ip)) {
      metrics.ipRefusals.inc();
      throw new AppError('IP_NOT_ALLOWED', `The app may not call the API from ${request.ip}`);
    }
    const customerId = route.token === 'customer' ? claims.sub : undefined;
    const context: GatewayContext =
      route.token === 'customer'
        ? {
            clientId: claims.clientId,
            scopes: claims.scopes,
            customerId,
            consent: checkConsent(request, reply, claims, consent, route.scope),
            prefetched,
          }
        : { clientId: claims.clientId, scopes: claims.scopes, prefetched };
    request.gatewayContext = context;
    if (context.consent) annotateAccessLog(request, { customer: customerId, consent: context.consent.id });

    if (!counted) return;
    const limited = applyThrottle(reply, counted);
    if (limited) {
      metrics.rateLimited.inc({ policy: String(limited.extra?.policy) });
      throw limited;
    }
  });

  // Callback style: metering and auditing only buffer (they are written in batches), so no promise.
  app.addHook('onResponse', (request, reply, done) => {
    meter(request, reply);
    done();
  });

  function meter(request: FastifyRequest, reply: FastifyReply) {
    const context = request.gatewayContext;
    if (!context) return;
    const route = request.routeOptions.url ?? 'unmatched';
    opts.usage.record(context.clientId, `${request.method} ${route}`, reply.statusCode, reply.elapsedTime);
    if (context.consent && context.customerId) {
      const accountId = (request.params as { account_id?: unknown } | undefined)?.account_id;
      opts.audit.record({
        at: isoOf(now()),
        request_id: request.id,
        client_id: context.clientId,
        customer_id: context.customerId,
        consent_id: context.consent.id,
        account_id: typeof accountId === 'string' ? accountId : null,
        method: request.method,
        route,
        status: reply.statusCode,
      });
    }
  }
}

/** Applies to the routes of the context it is registered in (the `/v1` context). */
export const gatewayPipeline = fp(pipeline, { name: 'wekeza-gateway' });

/**
 * Wraps the not-found handler: a path under an API version this platform does not serve (`/v2/…`)
 * is API_VERSION_NOT_FOUND, naming the versions there are.
 */
export function versionNotFound(
  fallback: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>,
) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const version = /^\/(v\d+)(?:[/?]|$)/.exec(request.url)?.[1];
    if (version && version !== 'v1') {
      throw new AppError(
        'API_VERSION_NOT_FOUND',
        `There is no API version ${version}; this platform serves v1`,
      );
    }
    return fallback(request, reply);
  };
}
