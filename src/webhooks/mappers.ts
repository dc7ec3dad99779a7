/** @module Rows of the webhooks tables as domain objects. */
import { type EventType, newId } from '../platform/index.ts';
import type { AttemptsTable, EndpointsTable, MessagesTable, NotificationsTable } from './tables.ts';
import type { Attempt, DisabledReason, Endpoint, Message, Notification, NotificationType } from './types.ts';

export const toEndpoint = (row: EndpointsTable): Endpoint => ({
  id: row.id,
  clientId: row.client_id,
  url: row.url,
  description: row.description,
  eventTypes: JSON.parse(row.event_types) as EventType[],
  status: row.status,
  disabledReason: row.disabled_reason as DisabledReason | null,
  failingSince: row.failing_since,
  previousSecretExpiresAt: row.previous_secret_box ? row.previous_secret_expires_at : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toMessage = (row: MessagesTable): Message => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
});

export const toAttempt = (
  row: AttemptsTable &
    Pick<MessagesTable, 'event_id' | 'event_type' | 'next_attempt_at'> & {
      message_status: MessagesTable['status'];
    },
): Attempt => ({
  id: row.id,
  messageId: row.message_id,
  eventId: row.event_id,
  eventType: row.event_type,
  attempt: row.attempt,
  attemptedAt: row.attempted_at,
  url: row.url,
  statusCode: row.status_code,
  latencyMs: row.latency_ms,
  succeeded: row.succeeded === 1,
  error: row.error,
  responseSnippet: row.response_snippet,
  messageStatus: row.message_status,
  nextAttemptAt: row.message_status === 'pending' ? row.next_attempt_at : null,
});

export const toNotification = (
  row: Omit<NotificationsTable, 'id'> & { id: number | bigint },
): Notification => ({
  id: String(row.id),
  clientId: row.client_id,
  endpointId: row.endpoint_id,
  type: row.type as NotificationType,
  message: row.message,
  createdAt: row.created_at,
});

/** A new message to deliver, due now: the row both the fan-out and a test send insert. */
export function pendingMessage(
  message: Pick<MessagesTable, 'endpoint_id' | 'client_id' | 'event_id' | 'event_type' | 'payload'>,
  now: Date,
): MessagesTable {
  const at = now.toISOString();
  return {
    id: newId('msg', now.getTime()),
    ...message,
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    claimed_by: null,
    created_at: at,
    updated_at: at,
  };
}
