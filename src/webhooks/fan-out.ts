/**
 * @module Fan-out, the bus subscriber: each event goes to the apps it concerns — the event's
 * `clientid`, or for `transaction.posted` (no app of its own) the apps whose live consents cover the
 * account with `transactions.read` (the relay notes those in the apps' event feeds before publishing,
 * `noteRouted`). One message per
 * subscribed enabled endpoint, at most once per (event, endpoint) however often the event is
 * published, due at once; then the dispatcher is woken.
 */
import { LRUCache } from 'lru-cache';
import type { CloudEvent } from '../platform/index.ts';
import type { WebhooksContext } from './context.ts';
import { pendingMessage } from './mappers.ts';

/** What fan-out needs from the consents module. */
export interface Recipients {
  /** Apps whose authorised, unexpired consents cover the account with `transactions.read`. */
  appsCoveringAccount(accountId: string): Promise<readonly string[]>;
  /** The same for several accounts in one read (by account); absent: one read per account. */
  appsCoveringAccounts?(accountIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
  /** False for a suspended or deleted app: it receives nothing (developers). Absent: every app is. */
  appIsActive?(clientId: string): Promise<boolean>;
}

interface EndpointRow {
  readonly id: string;
  readonly client_id: string;
  readonly event_types: string;
}

/** What was found of an event before the relay published it: fan-out needs not ask again. */
interface Found {
  /** The apps it goes to. */
  readonly clientIds: readonly string[];
  /** Their enabled endpoints, when they were looked up with the page. */
  readonly endpoints?: readonly EndpointRow[];
}

/**
 * What was found of each event of a page before the relay published it, by event id: fan-out of the
 * same event moments later (in this process) uses it rather than asking again.
 */
export type RoutedMemo = LRUCache<string, Found>;

export const routedMemo = (): RoutedMemo => new LRUCache({ max: 10_000 });

/** The enabled endpoints of these apps, in one read. */
async function endpointsOf(ctx: WebhooksContext, clientIds: readonly string[]): Promise<EndpointRow[]> {
  if (clientIds.length === 0) return [];
  return ctx.db
    .selectFrom('endpoints')
    .select(['id', 'client_id', 'event_types'])
    .where('client_id', 'in', [...new Set(clientIds)])
    .where('status', '=', 'enabled')
    .where('deleted_at', 'is', null)
    .execute();
}

const bigintOf = (decimal: string): number | bigint => {
  const n = Number(decimal);
  return Number.isSafeInteger(n) ? n : BigInt(decimal);
};

const isRouted = (event: CloudEvent): event is CloudEvent & { data: { account_id: string } } =>
  !event.clientid && event.type === 'transaction.posted' && typeof event.data.account_id === 'string';

/** Of these apps, the active ones, each asked once. */
async function activeOf(recipients: Recipients, clientIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(clientIds)];
  const active = await Promise.all(unique.map((id) => recipients.appIsActive?.(id) ?? true));
  return new Set(unique.filter((_, i) => active[i]));
}

/** The apps whose consents cover the accounts of these routed events, by account, in one read. */
async function covering(
  recipients: Recipients,
  accountIds: readonly string[],
): Promise<ReadonlyMap<string, readonly string[]>> {
  if (recipients.appsCoveringAccounts) return recipients.appsCoveringAccounts(accountIds);
  const unique = [...new Set(accountIds)];
  const found = await Promise.all(unique.map((id) => recipients.appsCoveringAccount(id)));
  return new Map(unique.map((id, i) => [id, found[i]!]));
}

/**
 * Notes the routed events (`transaction.posted`) in the feeds of the apps they go to. The relay
 * calls it before it publishes a batch, so that an entry is in place before its event can be read:
 * an app following its feed cursor cannot have passed it already (except after a crash of the
 * database server just after a mark, see `markPublished` in the relay).
 */
export async function noteRouted(
  ctx: WebhooksContext,
  recipients: Recipients,
  events: readonly CloudEvent[],
  memo?: RoutedMemo,
): Promise<void> {
  const routed = events.filter(isRouted);
  if (routed.length === 0) return;
  const byAccount = await covering(
    recipients,
    routed.map((e) => e.data.account_id),
  );
  for (const event of routed) memo?.set(event.id, { clientIds: byAccount.get(event.data.account_id) ?? [] });
  const active = await activeOf(recipients, [...byAccount.values()].flat());
  const at = ctx.now().toISOString();
  const rows = routed.flatMap((event) =>
    (byAccount.get(event.data.account_id) ?? [])
      .filter((clientId) => active.has(clientId))
      .map((clientId) => ({
        client_id: clientId,
        event_id: event.id,
        seq: bigintOf(event.sequence),
        event_type: event.type,
        created_at: at,
      })),
  );
  if (rows.length === 0) return;
  await ctx.db
    .insertInto('feed_entries')
    .values(rows)
    .onConflict((oc) => oc.columns(['client_id', 'event_id']).doNothing())
    .execute();
}

/**
 * Before the relay publishes a page of events: notes the routed ones in feeds (`noteRouted`), then
 * finds the enabled endpoints of every app the page's events go to in one read, kept in `memo` for
 * the fan-out of those events that follows in this process.
 */
export async function preparePage(
  ctx: WebhooksContext,
  recipients: Recipients,
  events: readonly CloudEvent[],
  memo: RoutedMemo,
): Promise<void> {
  await noteRouted(ctx, recipients, events, memo);
  const targets = events.map((event) =>
    event.clientid ? [event.clientid] : isRouted(event) ? (memo.get(event.id)?.clientIds ?? []) : [],
  );
  const endpoints = await endpointsOf(ctx, targets.flat());
  events.forEach((event, i) => {
    const clientIds = targets[i]!;
    memo.set(event.id, { clientIds, endpoints: endpoints.filter((e) => clientIds.includes(e.client_id)) });
  });
}

/** Returns how many messages it created (0 when the event was seen before or nobody subscribed). */
export async function fanOut(
  ctx: WebhooksContext,
  recipients: Recipients,
  event: CloudEvent,
  memo?: RoutedMemo,
): Promise<number> {
  const found = memo?.get(event.id);
  const clientIds =
    found?.clientIds ??
    (event.clientid
      ? [event.clientid]
      : isRouted(event)
        ? await recipients.appsCoveringAccount(event.data.account_id)
        : []);
  if (clientIds.length === 0) return 0;
  const now = ctx.now();
  const endpoints = found?.endpoints ?? (await endpointsOf(ctx, clientIds));
  const wanted = endpoints.filter((e) => (JSON.parse(e.event_types) as string[]).includes(event.type));
  // A suspended or deleted app receives nothing (asked only when it has an endpoint for the event).
  const active =
    wanted.length > 0
      ? await activeOf(
          recipients,
          wanted.map((e) => e.client_id),
        )
      : new Set();
  const subscribed = wanted.filter((e) => active.has(e.client_id));
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
