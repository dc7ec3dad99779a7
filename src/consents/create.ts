/**
 * @module An app asks for a consent: checked against the app's granted scopes and its token's, stored as
 * `awaiting_authorization` with its first history entry (actor `app:<client_id>`), in one transaction.
 */
import { newId } from '../platform/index.ts';
import type { ConsentsContext } from './context.ts';
import { load } from './store.ts';
import type { AppToken, Consent, NewConsent } from './types.ts';
import { checkNewConsent } from './validate-consent.ts';

export async function createConsent(
  ctx: ConsentsContext,
  { clientId, tokenScopes }: AppToken,
  input: NewConsent,
): Promise<Consent> {
  const granted = (await ctx.deps.appScopes(clientId)) ?? [];
  const now = ctx.now();
  const checked = checkNewConsent(input, { granted, tokenScopes }, now);
  const at = now.toISOString();
  const id = newId('cns', now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consents')
      .values({
        id,
        client_id: clientId,
        status: 'awaiting_authorization',
        scopes: JSON.stringify(checked.scopes),
        expires_at: checked.expiresAt,
        transaction_from_date: checked.transactionFromDate,
        transaction_to_date: checked.transactionToDate,
        max_amount: checked.maxAmount?.minor ?? null,
        max_amount_currency: checked.maxAmount?.currency ?? null,
        customer_id: null,
        account_ids: '[]',
        grant_id: null,
        created_at: at,
        updated_at: at,
        authorized_at: null,
      })
      .execute();
    await trx
      .insertInto('consent_history')
      .values({
        consent_id: id,
        at,
        from_status: null,
        to_status: 'awaiting_authorization',
        actor: `app:${clientId}`,
        reason: 'Requested by the app',
      })
      .execute();
  });
  return load(ctx, id);
}
