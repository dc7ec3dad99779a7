/**
 * @module Recording an attempt, in the caller's transaction: the delivery-log row; the message
 * delivered, scheduled again (the retry schedule, lengthened by a `Retry-After`) or failed once the
 * schedule is used up; and the endpoint's health (see health.ts), whose changes may disable the
 * endpoint and notify its developer. Returns when the message is due again, if it is.
 */
import type { Transaction } from 'kysely';
import { newId } from '../platform/index.ts';
import type { ClaimedMessage } from './claim.ts';
import type { WebhooksContext } from './context.ts';
import { cancelPending } from './endpoints.ts';
import { afterAttempt } from './health.ts';
import { addNotification } from './notifications.ts';
import { nextDelay, parseRetryAfter } from './schedule.ts';
import { type AttemptOutcome, succeeded } from './send.ts';
import type { EndpointsTable, WebhookTables } from './tables.ts';
import type { NotificationType } from './types.ts';

export interface Recorded {
  /** When the message is due again (ms since the epoch), if it will be retried. */
  readonly nextAttemptAt?: number;
  readonly notification?: { readonly type: NotificationType; readonly message: string };
}

export interface AttemptRecord {
  readonly message: ClaimedMessage;
  readonly endpoint: EndpointsTable;
  readonly outcome: AttemptOutcome;
  readonly attemptedAt: Date;
}

export async function recordAttempt(
  ctx: WebhooksContext,
  trx: Transaction<WebhookTables>,
  { message, endpoint, outcome, attemptedAt }: AttemptRecord,
): Promise<Recorded> {
  const ok = succeeded(outcome);
  const attempt = message.attempts + 1;
  const now = ctx.now();
  const at = now.toISOString();
  const delay = ok
    ? undefined
    : nextDelay(attempt, ctx.policy, parseRetryAfter(outcome.retryAfter, now.getTime()));
  const nextAttemptAt = delay === undefined ? undefined : now.getTime() + delay;
  await trx
    .insertInto('attempts')
    .values({
      id: newId('wdl', attemptedAt.getTime()),
      message_id: message.id,
      endpoint_id: endpoint.id,
      attempt,
      attempted_at: attemptedAt.toISOString(),
      url: endpoint.url,
      status_code: outcome.statusCode,
      latency_ms: outcome.latencyMs,
      succeeded: ok ? 1 : 0,
      error: outcome.error,
      response_snippet: outcome.responseSnippet,
    })
    .execute();
  await trx
    .updateTable('messages')
    .set({
      attempts: attempt,
      status: ok ? 'delivered' : nextAttemptAt === undefined ? 'failed' : 'pending',
      next_attempt_at: nextAttemptAt === undefined ? null : new Date(nextAttemptAt).toISOString(),
      claimed_by: null,
      updated_at: at,
    })
    .where('id', '=', message.id)
    .where('claimed_by', '=', message.claimed_by)
    .execute();

  // The endpoint looked healthy when claimed (the common case): a failure recorded since, without a
  // warning, is simply forgotten, which costs no row lock when there is none.
  if (ok && endpoint.failing_since === null && endpoint.warned_at === null) {
    await trx
      .updateTable('endpoints')
      .set({ failing_since: null, updated_at: at })
      .where('id', '=', endpoint.id)
      .where('failing_since', 'is not', null)
      .where('warned_at', 'is', null)
      .execute();
    return { nextAttemptAt };
  }
  const state = await trx
    .selectFrom('endpoints')
    .select(['id', 'url', 'status', 'failing_since', 'warned_at'])
    .where('id', '=', endpoint.id)
    .forUpdate()
    .executeTakeFirst();
  const change = state && afterAttempt(state, ok, now, ctx.policy);
  if (!change) return { nextAttemptAt };
  await trx
    .updateTable('endpoints')
    .set({ ...change.set, updated_at: at })
    .where('id', '=', endpoint.id)
    .execute();
  if (change.set.status === 'disabled') await cancelPending(trx, endpoint.id, at);
  if (change.notify) {
    await addNotification(trx, {
      clientId: endpoint.client_id,
      endpointId: endpoint.id,
      ...change.notify,
      at,
    });
  }
  return {
    nextAttemptAt: change.set.status === 'disabled' ? undefined : nextAttemptAt,
    notification: change.notify,
  };
}
