/**
 * @module The event feed, the polling fallback (`GET /v1/events`): the app's own events from the
 * outbox (its `client_id`) and the `transaction.posted` events routed to it by its consents (noted at
 * the relay, before it publishes them), as CloudEvents in the relay's publish order (`sequence`,
 * i.e. `published_seq`, which a late commit cannot slip behind) after a cursor. An event shows once
 * the relay has published it.
 */
import type { CloudEvent, EventType } from '../platform/index.ts';
import { toEnvelope } from '../platform/index.ts';
import type { WebhooksContext } from './context.ts';

export interface FeedQuery {
  /** The `sequence` of the last event seen; omitted, the feed starts at the oldest event kept. */
  readonly after?: string | undefined;
  readonly types?: readonly EventType[] | undefined;
  readonly limit: number;
}

export interface FeedPage {
  readonly events: CloudEvent[];
  /** Pass it as `after` next time (the same cursor when nothing new came). */
  readonly nextCursor: string;
  readonly hasMore: boolean;
}

const number = (decimal: string): number | bigint => {
  const n = Number(decimal);
  return Number.isSafeInteger(n) ? n : BigInt(decimal);
};

export async function readFeed(ctx: WebhooksContext, clientId: string, q: FeedQuery): Promise<FeedPage> {
  const after = number(q.after ?? '0');
  const types = q.types && q.types.length > 0 ? q.types : undefined;
  const published = () =>
    ctx.events
      .selectFrom('outbox')
      .selectAll()
      // Published: the relay numbers a batch, records its routed entries, publishes it, then moves
      // its watermark past it, so what shows here is a prefix of the publish order with the routed
      // entries already in place.
      .where('published_seq', '<=', (eb) =>
        eb.selectFrom('relay_state').select('published_upto').where('id', '=', 1),
      )
      .orderBy('published_seq')
      .limit(q.limit + 1);

  let own = published().where('client_id', '=', clientId).where('published_seq', '>', after);
  if (types) own = own.where('type', 'in', types);
  let routed = ctx.db
    .selectFrom('feed_entries')
    .select('event_id')
    .where('client_id', '=', clientId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(q.limit + 1);
  if (types) routed = routed.where('event_type', 'in', types);
  const [ownRows, routedIds] = await Promise.all([own.execute(), routed.execute()]);
  const routedRows =
    routedIds.length === 0
      ? []
      : await published()
          .where(
            'id',
            'in',
            routedIds.map((r) => r.event_id),
          )
          .where('published_seq', '>', after)
          .execute();

  const merged = [...ownRows, ...routedRows].sort((a, b) =>
    BigInt(a.published_seq ?? 0) < BigInt(b.published_seq ?? 0) ? -1 : 1,
  );
  const events = merged
    .slice(0, q.limit)
    .map((row) => toEnvelope(row, ctx.source, Number(row.published_seq)));
  return {
    events,
    nextCursor: events.at(-1)?.sequence ?? String(after),
    hasMore: merged.length > q.limit,
  };
}
