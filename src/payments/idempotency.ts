/**
 * @module Idempotency keys (the IETF Idempotency-Key draft; UK Open Banking's rules for payments):
 * a key is the app's, 1–40 printable characters, remembered for at least 24 hours with a fingerprint
 * of the request (the customer and the body) and the payment it created — stored in the payment's
 * own transaction, so it holds across processes and restarts. A retry with the same request under
 * the same consent gets the first answer again (the payment as it is now); with another request, or
 * under another consent, 422.
 */
import { createHash } from 'node:crypto';
import type { PaymentsContext } from './context.ts';
import type { IdempotencyKeysTable } from './tables.ts';

/** JSON with object keys sorted, so that key order does not make two requests differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes two requests the same: the customer and the body. */
export const fingerprintOf = (customerId: string, body: unknown): string =>
  createHash('sha256')
    .update(canonical([customerId, body]))
    .digest('base64url');

export async function findKey(
  ctx: PaymentsContext,
  clientId: string,
  key: string,
): Promise<IdempotencyKeysTable | undefined> {
  return ctx.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export const keyExpired = (ctx: PaymentsContext, row: IdempotencyKeysTable): boolean =>
  Date.parse(row.expires_at) <= ctx.now();

/** Forgets keys past their time (the recovery sweep calls it), a batch at a time. */
export async function purgeKeys(ctx: PaymentsContext, batch = 1000): Promise<number> {
  const now = new Date(ctx.now()).toISOString();
  const expired = await ctx.db
    .selectFrom('idempotency_keys')
    .select(['client_id', 'key'])
    .where('expires_at', '<', now)
    .limit(batch)
    .execute();
  for (const row of expired) {
    await ctx.db
      .deleteFrom('idempotency_keys')
      .where('client_id', '=', row.client_id)
      .where('key', '=', row.key)
      .where('expires_at', '<', now)
      .execute();
  }
  return expired.length;
}
