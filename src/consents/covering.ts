/**
 * @module Which apps may see an account's activity: the apps whose consents are authorised, unexpired,
 * cover the account and carry the scope (for webhooks and the event feed of `transaction.posted`).
 */
import type { ConsentsContext } from './context.ts';
import type { ConsentScope } from './types.ts';

/** Client ids, each once, in no particular order. */
export async function appsCoveringAccount(
  ctx: ConsentsContext,
  accountId: string,
  scope: ConsentScope,
): Promise<string[]> {
  // The account's consents by index (consent_accounts), then their status, expiry and scopes.
  const rows = await ctx.db
    .selectFrom('consent_accounts as ca')
    .innerJoin('consents as c', 'c.id', 'ca.consent_id')
    .select(['c.client_id', 'c.scopes'])
    .where('ca.account_id', '=', accountId)
    .where('c.status', '=', 'authorized')
    .where('c.expires_at', '>', ctx.now().toISOString())
    .execute();
  const apps = new Set<string>();
  for (const row of rows) {
    if ((JSON.parse(row.scopes) as string[]).includes(scope)) apps.add(row.client_id);
  }
  return [...apps];
}
