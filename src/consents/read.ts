/**
 * @module Reading consents: by id (internal), by id for the app it belongs to (another app's
 * consent is CONSENT_NOT_FOUND, its existence never revealed), by OAuth grant, and a customer's list.
 * Every read applies lazy expiry.
 */
import type { ConsentsContext } from './context.ts';
import { settle } from './expiry.ts';
import { load, loadMany, notFound } from './store.ts';
import type { Consent } from './types.ts';

export const getConsent = async (ctx: ConsentsContext, id: string): Promise<Consent> =>
  settle(ctx, await load(ctx, id));

export async function getForClient(ctx: ConsentsContext, clientId: string, id: string): Promise<Consent> {
  const consent = await load(ctx, id);
  if (consent.clientId !== clientId) throw notFound(id);
  return settle(ctx, consent);
}

/** The consent authorised under that OAuth grant (the latest, should a grant be reused), if any. */
export async function findByGrantId(ctx: ConsentsContext, grantId: string): Promise<Consent | undefined> {
  const row = await ctx.db
    .selectFrom('consents')
    .select('id')
    .where('grant_id', '=', grantId)
    .orderBy('authorized_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? getConsent(ctx, row.id) : undefined;
}

/** The customer's consents, newest first, each with its history. */
export async function listForCustomer(ctx: ConsentsContext, customerId: string): Promise<Consent[]> {
  const rows = await ctx.db
    .selectFrom('consents')
    .select('id')
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const consents = await loadMany(
    ctx.db,
    rows.map((r) => r.id),
  );
  const settled: Consent[] = [];
  for (const consent of consents) settled.push(await settle(ctx, consent));
  return settled;
}
