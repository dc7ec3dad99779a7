/**
 * @module Apps as the authorisation server and the operator see them: look up a client (active or
 * suspended; never a deleted one), verify a client secret in constant time, suspend or reinstate.
 */
import { AppError } from '../platform/index.ts';
import { nextRevision } from './apps.ts';
import type { DevelopersContext } from './context.ts';
import { toApp, toClientRecord } from './mappers.ts';
import { digestOf, digestsEqual, isClientSecretShaped } from './secrets.ts';
import type { App, AppStatus, ClientRecord, GatewayApp } from './types.ts';

/** Compared against when the client does not exist, so the answer takes the same work. */
const NO_DIGEST = digestOf('');

export async function findClient(
  ctx: DevelopersContext,
  clientId: string,
): Promise<ClientRecord | undefined> {
  const row = await ctx.db
    .selectFrom('apps')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toClientRecord(row) : undefined;
}

/**
 * True when `secret` is the app's current client secret. The app's status is not considered here:
 * the caller reads it from `findClient` and refuses suspended apps itself.
 */
export async function verifyClientSecret(
  ctx: DevelopersContext,
  clientId: string,
  secret: string,
): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('apps')
    .select('secret_digest')
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const matches = digestsEqual(digestOf(secret), row?.secret_digest ?? NO_DIGEST);
  return row !== undefined && matches && isClientSecretShaped(secret);
}

/** What the API gateway needs of an app, deleted ones included (as `deleted`); undefined if none. */
export async function gatewayView(ctx: DevelopersContext, clientId: string): Promise<GatewayApp | undefined> {
  const row = await ctx.db
    .selectFrom('apps')
    .select(['status', 'deleted_at', 'revision', 'rate_limit_tier', 'ip_allowlist'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    clientId,
    status: row.deleted_at === null ? (row.status as AppStatus) : 'deleted',
    revision: Number(row.revision),
    rateLimitTier: row.rate_limit_tier,
    ipAllowlist: JSON.parse(row.ip_allowlist) as string[],
  };
}

/** Operator action (`wekeza apps suspend`): a suspended app keeps its settings but gets no tokens. */
export async function setAppStatus(
  ctx: DevelopersContext,
  clientId: string,
  status: AppStatus,
): Promise<App> {
  const row = await ctx.db
    .updateTable('apps')
    .set({ status, updated_at: ctx.now().toISOString(), revision: nextRevision })
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('APP_NOT_FOUND', `App ${clientId} does not exist`);
  return toApp(row);
}

/** Operator action (`wekeza apps tier`): the app's rate-limit tier; the caller checks the tier exists. */
export async function setRateLimitTier(ctx: DevelopersContext, clientId: string, tier: string): Promise<App> {
  const row = await ctx.db
    .updateTable('apps')
    .set({ rate_limit_tier: tier, updated_at: ctx.now().toISOString(), revision: nextRevision })
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('APP_NOT_FOUND', `App ${clientId} does not exist`);
  return toApp(row);
}
