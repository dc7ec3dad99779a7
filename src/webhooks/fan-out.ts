/**
 * @module Fan-out, the bus subscriber: each event goes to the apps it concerns — the event's
 * `clientid`, or for `transaction.posted` (no app of its own) the apps whose live consents cover the
 * account with `transactions.read` (the relay notes those in the apps' event feeds before publishing,
 * `noteRouted`). One message per
 * subscribed enabled endpoint, at most once per (event, endpoint) however often the event is
 * published, due at once; then the dispatcher is woken.
 */
import type { CloudEvent } from '../platform/index.ts';
import type { WebhooksContext } from './context.ts';
import { pendingMessage } from './mappers.ts';

/** What fan-out needs from the consents module. */
export interface Recipients {
  /** Apps whose authorised, unexpired consents cover the account with `transactions.read`. */
  appsCoveringAccount(accountId: string): Promise<readonly string[]>;
  /** False for a suspended or deleted app: it receives nothing (developers). Absent: every app is. */
  appIsActive?(clientId: string): Promise<boolean>;
}

const bigintOf = (decimal: string): number | bigint => {
  const n = Number(decimal);
  return Number.isSafeInteger(n) ? n : BigInt(decimal);
};

/** The active apps an event is delivered to: its own app, or those whose consents cover the account. */
async function recipientsOf(event: CloudEvent, recipients: Recipients): Promise<string[]> {
  const accountId = event.data.account_id;
  const found = event.clientid
    ? [event.clientid]
    : event.type === 'transaction.posted' && typeof accountId === 'string'
      ? [...(await recipients.appsCoveringAccount(accountId))]
      : [];
  const active = await Promise.all(found.map((id) => recipients.appIsActive?.(id) ?? true));
  return found.filter((_, i) => active[i]);
}

/**
 * Notes the routed events (`transaction.posted`) in the feeds of the apps they go to. The relay
 * calls it before it publishes a batch, so that an entry is in place before its event can be read:
 * an app following its feed cursor cannot have passed it already.
 */
export async function noteRouted(
  ctx: WebhooksContext,
  recipients: Recipients,
  events: readonly CloudEvent[],
): Promise<void> {
  for (const event of events) {
    if (event.clientid || event.type !== 'transaction.posted') continue;
    const clientIds = await recipientsOf(event, recipients);
    if (clientIds.length === 0) continue;
    const at = ctx.now().toISOString();
    await ctx.db
      .insertInto('feed_entries')
      .values(
        clientIds.map((clientId) => ({
          client_id: clientId,
          event_id: event.id,
          seq: bigintOf(event.sequence),
          event_type: event.type,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['client_id', 'event_id']).doNothing())
      .execute();
  }
}

/** Returns how many messages it created (0 when the event was seen before or nobody subscribed). */
export async function fanOut(
  ctx: WebhooksContext,
  recipients: Recipients,
  event: CloudEvent,
): Promise<number> {
  const clientIds = await recipientsOf(event, recipients);
  if (clientIds.length === 0) return 0;
  const now = ctx.now();
  const endpoints = await ctx.db
    .selectFrom('endpoints')
    .select(['id', 'client_id', 'event_types'])
    .where('client_id', 'in', clientIds)
    .where('status', '=', 'enabled')
    .where('deleted_at', 'is', null)
    .execute();
  const subscribed = endpoints.filter((e) => (JSON.parse(e.event_types) as string[]).includes(event.type));
  if (subscribed.length === 0) return 0;
  const payload = JSON.stringify({ type: event.type, timestamp: event.time, data: event.data });
  const result = await ctx.db
    .insertInto('messages')
    .values(
      subscribed.map((e) =>
        pendingMessage(
          { endpoint_id: e.id, client_id: e.client_id, event_id: event.id, event_type: event.type, payload },
          now,
        ),
      ),
    )
    .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
