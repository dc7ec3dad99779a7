/**
 * @module Rate limits per app, and per customer of the app for customer tokens, from the app's tier;
 * counted in the shared store (Redis when configured, so the limits hold across processes). The
 * answer follows the IETF RateLimit header fields draft: `RateLimit-Policy` names the quotas,
 * `RateLimit` reports what is left; a refused request is a 429 with `Retry-After`.
 */
import type { FastifyReply } from 'fastify';
import {
  AppError,
  type Bucket,
  type RateTier,
  type SharedStore,
  type TakeResult,
} from '../platform/index.ts';

const MINUTE_MS = 60_000;

export interface Throttle {
  readonly result: TakeResult;
  readonly policies: readonly { readonly name: string; readonly limit: number }[];
}

/** The buckets a request draws from: the app's, and the customer's within the app. */
export function bucketsFor(
  tier: RateTier,
  clientId: string,
  customerId: string | undefined,
): { buckets: Bucket[]; policies: Throttle['policies'] } {
  const buckets: Bucket[] = [{ key: `app:${clientId}`, limit: tier.appPerMinute, windowMs: MINUTE_MS }];
  const policies = [{ name: 'app', limit: tier.appPerMinute }];
  if (customerId) {
    buckets.push({
      key: `cus:${clientId}:${customerId}`,
      limit: tier.customerPerMinute,
      windowMs: MINUTE_MS,
    });
    policies.push({ name: 'customer', limit: tier.customerPerMinute });
  }
  return { buckets, policies };
}

export async function throttle(
  store: SharedStore,
  tier: RateTier,
  clientId: string,
  customerId: string | undefined,
): Promise<Throttle> {
  const { buckets, policies } = bucketsFor(tier, clientId, customerId);
  return { result: await store.take(buckets), policies };
}

const seconds = (ms: number) => Math.ceil(ms / 1000);

/** Sets `RateLimit-Policy` and `RateLimit`; when refused, also `Retry-After`, and returns the 429. */
export function applyThrottle(reply: FastifyReply, { result, policies }: Throttle): AppError | undefined {
  reply.header(
    'ratelimit-policy',
    policies.map((p) => `"${p.name}";q=${p.limit};w=${MINUTE_MS / 1000}`).join(', '),
  );
  reply.header(
    'ratelimit',
    policies
      .map((p, i) => {
        const b = result.buckets[i];
        return `"${p.name}";r=${b?.remaining ?? 0};t=${seconds(b?.resetMs ?? 0)}`;
      })
      .join(', '),
  );
  if (result.allowed) return undefined;
  const refusedBy = policies.find((_, i) => (result.buckets[i]?.retryAfterMs ?? 0) > 0)?.name ?? 'app';
  const retryAfter = Math.max(1, ...result.buckets.map((b) => seconds(b.retryAfterMs)));
  reply.header('retry-after', String(retryAfter));
  return new AppError('RATE_LIMITED', `The ${refusedBy} rate limit is used up; retry in ${retryAfter} s`, {
    extra: { policy: refusedBy, retry_after: retryAfter },
  });
}
