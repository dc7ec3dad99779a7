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
  // Account ids and scopes are JSON text on both backends: a LIKE narrows (`_` in an id matches
  // itself too), the parse decides.
  const rows = await ctx.db
    .selectFrom('consents')
    .select(['client_id', 'account_ids', 'scopes'])
    .where('status', '=', 'authorized')
    .where('expires_at', '>', ctx.now().toISOString())
    .where('account_ids', 'like', `%${JSON.stringify(accountId)}%`)
    .execute();
  const apps = new Set<string>();
  for (const row of rows) {
    const accounts = JSON.parse(row.account_ids) as string[];
    const scopes = JSON.parse(row.scopes) as string[];
    if (accounts.includes(accountId) && scopes.includes(scope)) apps.add(row.client_id);
  }
  return [...apps];
}
