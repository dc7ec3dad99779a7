/**
 * @module The customer's decision on a consent, from the consent page: authorise (binds it to the
 * customer, the chosen accounts and the OAuth grant) or reject. Only once, only while awaiting
 * authorisation and unexpired, only for the app it belongs to. The conditional UPDATE decides races:
 * of concurrent attempts exactly one wins; the others get CONSENT_NOT_AWAITING_AUTHORIZATION.
 */
import { AppError } from '../platform/index.ts';
import { checkAccounts } from './check-accounts.ts';
import type { ConsentsContext } from './context.ts';
import { settle } from './expiry.ts';
import { load, notFound, transition } from './store.ts';
import type { Authorization, Consent } from './types.ts';

/** The consent, settled, if it belongs to `clientId` and can still be decided on; else the error. */
async function awaiting(ctx: ConsentsContext, id: string, clientId: string): Promise<Consent> {
  const consent = await load(ctx, id);
  if (consent.clientId !== clientId) throw notFound(id);
  const settled = await settle(ctx, consent);
  if (settled.status === 'expired') {
    throw new AppError('CONSENT_EXPIRED', `Consent ${id} expired at ${settled.expiresAt}`);
  }
  if (settled.status !== 'awaiting_authorization') {
    throw new AppError('CONSENT_NOT_AWAITING_AUTHORIZATION', `Consent ${id} is ${settled.status}`);
  }
  return settled;
}

/** After a lost race: the error that describes the consent as it is now. */
async function lost(ctx: ConsentsContext, id: string, clientId: string): Promise<never> {
  await awaiting(ctx, id, clientId);
  throw new AppError('CONSENT_NOT_AWAITING_AUTHORIZATION', `Consent ${id} was decided on concurrently`);
}

function required(value: string, path: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AppError('VALIDATION_FAILED', `${path} is required`, {
      errors: [{ path, message: 'is required' }],
    });
  }
}

export async function authorizeConsent(
  ctx: ConsentsContext,
  id: string,
  auth: Authorization,
): Promise<Consent> {
  required(auth.customerId, '/customer_id');
  required(auth.grantId, '/grant_id');
  const consent = await awaiting(ctx, id, auth.clientId);
  await checkAccounts(ctx.deps, consent, auth.customerId, auth.accountIds);
  const at = ctx.now().toISOString();
  const won = await ctx.db.transaction().execute(async (trx) => {
    const changed = await transition(trx, {
      id,
      from: 'awaiting_authorization',
      to: 'authorized',
      actor: `customer:${auth.customerId}`,
      reason: 'Authorised by the customer',
      at,
      unexpired: true,
      set: {
        customer_id: auth.customerId,
        account_ids: JSON.stringify(auth.accountIds),
        grant_id: auth.grantId,
        authorized_at: at,
      },
    });
    const accountIds = [...new Set(auth.accountIds)];
    if (changed && accountIds.length > 0) {
      await trx
        .insertInto('consent_accounts')
        .values(accountIds.map((accountId) => ({ account_id: accountId, consent_id: id })))
        .execute();
    }
    return changed;
  });
  return won ? load(ctx, id) : lost(ctx, id, auth.clientId);
}

export async function rejectConsent(
  ctx: ConsentsContext,
  id: string,
  by: { readonly clientId: string; readonly customerId: string },
): Promise<Consent> {
  required(by.customerId, '/customer_id');
  await awaiting(ctx, id, by.clientId);
  const won = await ctx.db.transaction().execute((trx) =>
    transition(trx, {
      id,
      from: 'awaiting_authorization',
      to: 'rejected',
      actor: `customer:${by.customerId}`,
      reason: 'Rejected by the customer',
      at: ctx.now().toISOString(),
      unexpired: true,
    }),
  );
  return won ? load(ctx, id) : lost(ctx, id, by.clientId);
}
