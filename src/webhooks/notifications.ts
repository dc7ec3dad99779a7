/**
 * @module What a developer is told about their apps' webhook endpoints (failing, disabled,
 * recovered): recorded with the change that caused it, read by the developer API
 * (`GET /developer/notifications`), newest first.
 */
import type { Transaction } from 'kysely';
import type { WebhooksContext } from './context.ts';
import { toNotification } from './mappers.ts';
import type { WebhookTables } from './tables.ts';
import type { Notification, NotificationType } from './types.ts';

export async function addNotification(
  trx: Transaction<WebhookTables>,
  n: { clientId: string; endpointId: string; type: NotificationType; message: string; at: string },
): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({
      client_id: n.clientId,
      endpoint_id: n.endpointId,
      type: n.type,
      message: n.message,
      created_at: n.at,
    })
    .execute();
}

/** The apps' notifications, newest first; `before` (an id) pages back. */
export async function listNotifications(
  ctx: WebhooksContext,
  clientIds: readonly string[],
  options: { limit: number; before?: string | undefined },
): Promise<Notification[]> {
  if (clientIds.length === 0) return [];
  let query = ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('client_id', 'in', clientIds)
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.before !== undefined) query = query.where('id', '<', Number(options.before));
  return (await query.execute()).map(toNotification);
}
