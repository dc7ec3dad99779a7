/**
 * @module An app's webhook endpoints: create (the signing secret shown once, kept sealed), list, read,
 * update, delete (soft: its messages and log stay readable internally), and rotate the secret with an
 * overlap during which both secrets sign. Another app's endpoint is WEBHOOK_ENDPOINT_NOT_FOUND, as is
 * a deleted one. Disabling an endpoint (by the app, or after five days of failures) cancels its
 * pending messages; enabling it again starts from a healthy state.
 */
import { sql, type Transaction } from 'kysely';
import { AppError, EVENT_TYPES, newId } from '../platform/index.ts';
import type { WebhooksContext } from './context.ts';
import { MAX_ENDPOINTS_PER_APP, MAX_ROTATION_OVERLAP_MS, ROTATION_OVERLAP_MS } from './defaults.ts';
import { toEndpoint } from './mappers.ts';
import { newSigningSecret, openSecret, sealSecret } from './secrets.ts';
import type { EndpointsTable, WebhookTables } from './tables.ts';
import type { Endpoint, EndpointPatch, EndpointWithSecret, NewEndpoint } from './types.ts';
import { checkWebhookUrl } from './url-policy.ts';

export const endpointNotFound = (id: string) =>
  new AppError('WEBHOOK_ENDPOINT_NOT_FOUND', `Webhook endpoint ${id} does not exist`);

/** The app's live endpoint row, or WEBHOOK_ENDPOINT_NOT_FOUND. */
export async function endpointRow(
  ctx: WebhooksContext,
  clientId: string,
  id: string,
): Promise<EndpointsTable> {
  const row = await ctx.db
    .selectFrom('endpoints')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.client_id !== clientId) throw endpointNotFound(id);
  return row;
}

/** Pending messages of a disabled or deleted endpoint will not be sent. */
export async function cancelPending(trx: Transaction<WebhookTables>, endpointId: string, at: string) {
  await trx
    .updateTable('messages')
    .set({ status: 'cancelled', next_attempt_at: null, claimed_by: null, updated_at: at })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/** The service's own check (the portal's forms reach it without the API's schema): known, at least one, no repeats. */
function checkEventTypes(types: readonly string[], path: string): void {
  const unknown = types.find((t) => !KNOWN_TYPES.has(t));
  const problem =
    types.length === 0
      ? 'must name at least one event type'
      : unknown !== undefined
        ? `names an unknown event type ${JSON.stringify(unknown).slice(0, 60)}`
        : new Set(types).size !== types.length
          ? 'must not name an event type twice'
          : undefined;
  if (problem)
    throw new AppError('VALIDATION_FAILED', `event_types ${problem}`, {
      errors: [{ path, message: problem }],
    });
}

export async function createEndpoint(
  ctx: WebhooksContext,
  clientId: string,
  input: NewEndpoint,
): Promise<EndpointWithSecret> {
  checkWebhookUrl(input.url, ctx.sandbox);
  checkEventTypes(input.eventTypes, '/body/event_types');
  const now = ctx.now().toISOString();
  const secret = newSigningSecret();
  const row: EndpointsTable = {
    id: newId('whe'),
    client_id: clientId,
    url: input.url,
    description: input.description ?? '',
    event_types: JSON.stringify(input.eventTypes),
    status: 'enabled',
    disabled_reason: null,
    secret_box: sealSecret(ctx.secretKey, secret),
    previous_secret_box: null,
    previous_secret_expires_at: null,
    failing_since: null,
    warned_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  // Counted and inserted with the app's creations one at a time (a PostgreSQL advisory lock per app
  // for the transaction; SQLite writes one transaction at a time anyway), so creations at once
  // cannot all see room for one more.
  await ctx.db.transaction().execute(async (trx) => {
    if (ctx.database.kind === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`wekeza.webhooks.endpoints:${clientId}`}, 0))`.execute(
        trx,
      );
    }
    const { count } = await trx
      .selectFrom('endpoints')
      .select((eb) => eb.fn.countAll<number | bigint>().as('count'))
      .where('client_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_ENDPOINTS_PER_APP) {
      throw new AppError(
        'WEBHOOK_ENDPOINT_LIMIT',
        `An app may have ${MAX_ENDPOINTS_PER_APP} webhook endpoints; delete one first`,
      );
    }
    await trx.insertInto('endpoints').values(row).execute();
  });
  return { ...toEndpoint(row), secret };
}

export async function listEndpoints(ctx: WebhooksContext, clientId: string): Promise<Endpoint[]> {
  const rows = await ctx.db
    .selectFrom('endpoints')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toEndpoint);
}

export const getEndpoint = async (ctx: WebhooksContext, clientId: string, id: string): Promise<Endpoint> =>
  toEndpoint(await endpointRow(ctx, clientId, id));

export async function updateEndpoint(
  ctx: WebhooksContext,
  clientId: string,
  id: string,
  patch: EndpointPatch,
): Promise<Endpoint> {
  if (patch.url !== undefined) checkWebhookUrl(patch.url, ctx.sandbox);
  if (patch.eventTypes !== undefined) checkEventTypes(patch.eventTypes, '/body/event_types');
  const current = await endpointRow(ctx, clientId, id);
  const now = ctx.now().toISOString();
  const set: Partial<EndpointsTable> = { updated_at: now };
  if (patch.url !== undefined) set.url = patch.url;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.eventTypes !== undefined) set.event_types = JSON.stringify(patch.eventTypes);
  if (patch.status === 'disabled' && current.status !== 'disabled') {
    Object.assign(set, { status: 'disabled', disabled_reason: 'app' });
  } else if (patch.status === 'enabled' && current.status !== 'enabled') {
    // A fresh start: the five days are counted from the next failure.
    Object.assign(set, { status: 'enabled', disabled_reason: null, failing_since: null });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('endpoints').set(set).where('id', '=', id).execute();
    if (set.status === 'disabled') await cancelPending(trx, id, now);
  });
  return getEndpoint(ctx, clientId, id);
}

export async function deleteEndpoint(ctx: WebhooksContext, clientId: string, id: string): Promise<void> {
  await endpointRow(ctx, clientId, id);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('endpoints')
      .set({ deleted_at: now, updated_at: now, status: 'disabled', disabled_reason: 'app' })
      .where('id', '=', id)
      .execute();
    await cancelPending(trx, id, now);
  });
}

/** Rotations of one endpoint at once are retried on its secret as it now is, this many times at most. */
const MAX_ROTATION_ATTEMPTS = 20;

/**
 * A new secret signs from now on; the current one keeps signing too for `overlapMs` (24 hours by
 * default, 0 to stop it at once). A secret rotated out earlier stops now.
 */
export async function rotateSecret(
  ctx: WebhooksContext,
  clientId: string,
  id: string,
  overlapMs: number = ROTATION_OVERLAP_MS,
): Promise<EndpointWithSecret> {
  const overlap = Math.max(0, Math.min(overlapMs, MAX_ROTATION_OVERLAP_MS));
  const secret = newSigningSecret();
  // Written only over the secret as read, else read again: two rotations at once then happen one
  // after the other (the first's secret is the second's previous one), instead of the second
  // replacing the first's secret unseen, which would have answered a secret that never signs.
  for (let attempt = 0; attempt < MAX_ROTATION_ATTEMPTS; attempt++) {
    const current = await endpointRow(ctx, clientId, id);
    const now = ctx.now();
    const { numUpdatedRows } = await ctx.db
      .updateTable('endpoints')
      .set({
        secret_box: sealSecret(ctx.secretKey, secret),
        previous_secret_box: overlap > 0 ? current.secret_box : null,
        previous_secret_expires_at: overlap > 0 ? new Date(now.getTime() + overlap).toISOString() : null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('client_id', '=', clientId)
      .where('deleted_at', 'is', null)
      .where('secret_box', '=', current.secret_box)
      .executeTakeFirst();
    if (numUpdatedRows !== 0n) return { ...(await getEndpoint(ctx, clientId, id)), secret };
  }
  throw new AppError(
    'WEBHOOK_SECRET_ROTATED_CONCURRENTLY',
    `The signing secret of endpoint ${id} kept being rotated by other requests; rotate again`,
  );
}

/** The secrets that sign now: the current one, and a rotated-out one until its overlap ends. */
export function liveSecrets(ctx: WebhooksContext, row: EndpointsTable, now: Date): string[] {
  const secrets = [openSecret(ctx.secretKey, row.secret_box)];
  if (
    row.previous_secret_box &&
    row.previous_secret_expires_at &&
    Date.parse(row.previous_secret_expires_at) > now.getTime()
  ) {
    secrets.push(openSecret(ctx.secretKey, row.previous_secret_box));
  }
  return secrets;
}
