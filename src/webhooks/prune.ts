/**
 * @module Retention: finished messages (delivered, failed, cancelled) with their attempts, and the
 * feed's routed entries, are deleted once older than 30 days. Pending messages are never pruned.
 * (The outbox itself belongs to the platform's events; the feed needs its rows kept 30 days too.)
 */
import type { WebhooksContext } from './context.ts';
import { RETENTION_MS } from './defaults.ts';

export async function prune(ctx: WebhooksContext, retentionMs: number = RETENTION_MS): Promise<void> {
  const cutoff = new Date(ctx.now().getTime() - retentionMs).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const old = (eb: typeof trx) =>
      eb
        .selectFrom('messages')
        .select('id')
        .where('status', 'in', ['delivered', 'failed', 'cancelled'])
        .where('updated_at', '<', cutoff);
    await trx.deleteFrom('attempts').where('message_id', 'in', old(trx)).execute();
    await trx.deleteFrom('messages').where('id', 'in', old(trx)).execute();
    await trx.deleteFrom('feed_entries').where('created_at', '<', cutoff).execute();
  });
}
