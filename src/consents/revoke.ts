/**
 * @module Revocation, a two-step workflow: (1) the consent becomes `revoked` with its history entry,
 * committed; (2) `deps.onRevoked` revokes its OAuth grant and every token under it. Step 1 is never
 * undone: if step 2 fails the error reaches the caller, and the consent stays revoked — which alone
 * already stops its tokens at the gateway. Authorised and still-awaiting (withdrawn) consents can be
 * revoked; rejected, revoked and expired ones are CONSENT_NOT_ACTIVE. Of concurrent revocations
 * exactly one wins, so step 2 runs once.
 */
import { AppError } from '../platform/index.ts';
import type { ConsentsContext } from './context.ts';
import { settle } from './expiry.ts';
import { load, notFound, transition } from './store.ts';
import type { Consent } from './types.ts';

const revocable = (consent: Consent): boolean =>
  consent.status === 'authorized' || consent.status === 'awaiting_authorization';

async function revokeSettled(
  ctx: ConsentsContext,
  consent: Consent,
  actor: string,
  reason: string,
): Promise<Consent> {
  let current = consent;
  for (;;) {
    if (!revocable(current)) {
      throw new AppError('CONSENT_NOT_ACTIVE', `Consent ${current.id} is ${current.status}`);
    }
    const from = current.status;
    const won = await ctx.db.transaction().execute((trx) =>
      transition(trx, {
        id: current.id,
        from,
        to: 'revoked',
        actor,
        reason,
        at: ctx.now().toISOString(),
        unexpired: true,
      }),
    );
    if (won) break;
    // Changed meanwhile (authorised, expired or revoked by someone else): decide again on what it is now.
    current = await settle(ctx, await load(ctx, current.id));
  }
  const revoked = await load(ctx, current.id);
  await ctx.deps.onRevoked(revoked);
  return revoked;
}

export const revokeConsent = async (
  ctx: ConsentsContext,
  id: string,
  actor: string,
  reason: string,
): Promise<Consent> => revokeSettled(ctx, await settle(ctx, await load(ctx, id)), actor, reason);

/** By the app it belongs to (`DELETE /v1/consents/{id}`); another app's consent is CONSENT_NOT_FOUND. */
export async function revokeForClient(ctx: ConsentsContext, clientId: string, id: string): Promise<Consent> {
  const consent = await load(ctx, id);
  if (consent.clientId !== clientId) throw notFound(id);
  return revokeSettled(ctx, await settle(ctx, consent), `app:${clientId}`, 'Revoked by the app');
}

/** By the customer who authorised it; anyone else's consent is CONSENT_NOT_FOUND. */
export async function revokeForCustomer(
  ctx: ConsentsContext,
  customerId: string,
  id: string,
): Promise<Consent> {
  const consent = await load(ctx, id);
  if (consent.customerId !== customerId) throw notFound(id);
  return revokeSettled(ctx, await settle(ctx, consent), `customer:${customerId}`, 'Revoked by the customer');
}
