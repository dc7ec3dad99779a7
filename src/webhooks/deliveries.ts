/**
 * @module The app's view of deliveries: an endpoint's delivery log (attempts, newest first, with the
 * status code, latency, error and the start of the response), a manual retry of a message (by a
 * delivery id or the message id: due at once, one more attempt once its schedule is used up), and a
 * `webhook.test` message to an endpoint.
 */
import { AppError, isId, newId } from '../platform/index.ts';
import type { WebhooksContext } from './context.ts';
import { endpointRow } from './endpoints.ts';
import { pendingMessage, toAttempt, toMessage } from './mappers.ts';
import type { Attempt, Message } from './types.ts';

export const TEST_EVENT_TYPE = 'webhook.test';

const deliveryNotFound = (id: string) =>
  new AppError('WEBHOOK_DELIVERY_NOT_FOUND', `Webhook delivery ${id} does not exist`);

export async function listAttempts(
  ctx: WebhooksContext,
  clientId: string,
  endpointId: string,
  page: { limit: number; before?: string | undefined },
): Promise<{ attempts: Attempt[]; hasMore: boolean }> {
  await endpointRow(ctx, clientId, endpointId);
  let query = ctx.db
    .selectFrom('attempts as a')
    .innerJoin('messages as m', 'm.id', 'a.message_id')
    .selectAll('a')
    .select(['m.event_id', 'm.event_type', 'm.next_attempt_at', 'm.status as message_status'])
    .where('a.endpoint_id', '=', endpointId)
    .orderBy('a.id', 'desc')
    .limit(page.limit + 1);
  if (page.before !== undefined) query = query.where('a.id', '<', page.before);
  const rows = await query.execute();
  return { attempts: rows.slice(0, page.limit).map(toAttempt), hasMore: rows.length > page.limit };
}

/** The message a delivery (`wdl_…`) or message (`msg_…`) id names, if it is the app's. */
async function messageOf(ctx: WebhooksContext, clientId: string, id: string) {
  let messageId = id;
  if (isId(id, 'wdl')) {
    const attempt = await ctx.db
      .selectFrom('attempts')
      .select('message_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!attempt) throw deliveryNotFound(id);
    messageId = attempt.message_id;
  }
  const message = await ctx.db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!message || message.client_id !== clientId) throw deliveryNotFound(id);
  return message;
}

/**
 * Makes the message due now. A message being attempted right now is left alone (answered as is).
 * WEBHOOK_ENDPOINT_DISABLED while its endpoint is disabled.
 */
export async function retryMessage(ctx: WebhooksContext, clientId: string, id: string): Promise<Message> {
  const message = await messageOf(ctx, clientId, id);
  const endpoint = await endpointRow(ctx, clientId, message.endpoint_id).catch(() => {
    throw deliveryNotFound(id);
  });
  if (endpoint.status !== 'enabled') {
    throw new AppError(
      'WEBHOOK_ENDPOINT_DISABLED',
      `Webhook endpoint ${endpoint.id} is disabled; enable it first`,
    );
  }
  const at = ctx.now().toISOString();
  await ctx.db
    .updateTable('messages')
    .set({ status: 'pending', next_attempt_at: at, updated_at: at })
    .where('id', '=', message.id)
    .where('claimed_by', 'is', null)
    .execute();
  const updated = await ctx.db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', message.id)
    .executeTakeFirstOrThrow();
  return toMessage(updated);
}

/** A `webhook.test` message to the endpoint, whatever event types it subscribes to, due now. */
export async function sendTestMessage(
  ctx: WebhooksContext,
  clientId: string,
  endpointId: string,
): Promise<Message> {
  const endpoint = await endpointRow(ctx, clientId, endpointId);
  if (endpoint.status !== 'enabled') {
    throw new AppError(
      'WEBHOOK_ENDPOINT_DISABLED',
      `Webhook endpoint ${endpoint.id} is disabled; enable it first`,
    );
  }
  const now = ctx.now();
  const row = pendingMessage(
    {
      endpoint_id: endpointId,
      client_id: clientId,
      event_id: newId('evt', now.getTime()),
      event_type: TEST_EVENT_TYPE,
      payload: JSON.stringify({
        type: TEST_EVENT_TYPE,
        timestamp: now.toISOString(),
        data: {
          endpoint_id: endpointId,
          message: 'A test event from Wekeza: your endpoint receives webhooks.',
        },
      }),
    },
    now,
  );
  await ctx.db.insertInto('messages').values(row).execute();
  return toMessage(row);
}
