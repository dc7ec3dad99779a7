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
  return (await appsCoveringAccounts(ctx, [accountId], scope)).get(accountId) ?? [];
}

/** For each of these accounts that any app covers, the client ids (each once), in one query. */
export async function appsCoveringAccounts(
  ctx: ConsentsContext,
  accountIds: readonly string[],
  scope: ConsentScope,
): Promise<Map<string, string[]>> {
  const covering = new Map<string, Set<string>>();
  if (accountIds.length === 0) return new Map();
  // The accounts' consents by index (consent_accounts), then their status, expiry and scopes.
  const rows = await ctx.db
    .selectFrom('consent_accounts as ca')
    .innerJoin('consents as c', 'c.id', 'ca.consent_id')
    .select(['ca.account_id', 'c.client_id', 'c.scopes'])
    .where('ca.account_id', 'in', [...new Set(accountIds)])
    .where('c.status', '=', 'authorized')
    .where('c.expires_at', '>', ctx.now().toISOString())
    .execute();
  for (const row of rows) {
    if (!(JSON.parse(row.scopes) as string[]).includes(scope)) continue;
    const apps = covering.get(row.account_id) ?? new Set<string>();
    apps.add(row.client_id);
    covering.set(row.account_id, apps);
  }
  return new Map([...covering].map(([id, apps]) => [id, [...apps]]));
}
