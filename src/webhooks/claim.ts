/**
 * @module Claiming due messages, safe across processes: one statement moves the due time of up to
 * `limit` pending messages forward by the lease and stamps them with the claimer's token. On
 * PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`, so concurrent dispatchers take disjoint
 * sets without waiting; SQLite runs one write at a time (the lock clause is dropped). A claimer that
 * dies leaves its messages to be claimed again when the lease ends.
 */
import type { WebhooksContext } from './context.ts';
import type { MessagesTable } from './tables.ts';

export type ClaimedMessage = Pick<
  MessagesTable,
  'id' | 'endpoint_id' | 'client_id' | 'event_type' | 'payload' | 'attempts' | 'claimed_by'
>;

export async function claimDue(
  ctx: WebhooksContext,
  limit: number,
  token: string,
): Promise<ClaimedMessage[]> {
  const now = ctx.now();
  return ctx.db
    .updateTable('messages')
    .set({ next_attempt_at: new Date(now.getTime() + ctx.policy.leaseMs).toISOString(), claimed_by: token })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('messages')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now.toISOString())
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'pending')
    .returning(['id', 'endpoint_id', 'client_id', 'event_type', 'payload', 'attempts', 'claimed_by'])
    .execute();
}

/** Gives a claimed message back, due now (an attempt stopped by shutdown does not count). */
export async function releaseClaim(ctx: WebhooksContext, message: ClaimedMessage): Promise<void> {
  await ctx.db
    .updateTable('messages')
    .set({ next_attempt_at: ctx.now().toISOString(), claimed_by: null })
    .where('id', '=', message.id)
    .where('claimed_by', '=', message.claimed_by)
    .where('status', '=', 'pending')
    .execute();
}
