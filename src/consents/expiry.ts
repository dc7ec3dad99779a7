/**
 * @module Lazy expiry: a consent still awaiting authorisation or authorised whose `expires_at` has
 * passed is moved to `expired` (with a `system` history entry dated at its expiry) when it is next
 * read, so every reader sees the same status without a background job.
 */
import type { ConsentsContext } from './context.ts';
import { load, transition } from './store.ts';
import type { Consent } from './types.ts';

export const isPastExpiry = (consent: Pick<Consent, 'expiresAt'>, now: Date): boolean =>
  Date.parse(consent.expiresAt) <= now.getTime();

const isLive = (consent: Consent): boolean =>
  consent.status === 'awaiting_authorization' || consent.status === 'authorized';

/** The consent as of now: expired when its time is up (recorded once), otherwise unchanged. */
export async function settle(ctx: ConsentsContext, consent: Consent): Promise<Consent> {
  if (!isLive(consent) || !isPastExpiry(consent, ctx.now())) return consent;
  await ctx.db.transaction().execute((trx) =>
    transition(trx, {
      id: consent.id,
      from: consent.status,
      to: 'expired',
      actor: 'system',
      reason: 'The consent reached its expiry time',
      at: consent.expiresAt,
    }),
  );
  // Whether this call or a concurrent one wrote the change, the stored row now tells the truth.
  return settle(ctx, await load(ctx, consent.id));
}

/** Authorised and not yet expired: what the gateway requires of a consent behind a token. */
export const isActive = (consent: Consent, now: Date): boolean =>
  consent.status === 'authorized' && !isPastExpiry(consent, now);
