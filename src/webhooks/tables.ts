/**
 * @module The webhooks module's tables (schema `webhooks`): endpoints (secrets sealed with a key
 * derived from the master key), messages (one per event and endpoint; its id is the `webhook-id`),
 * attempts (the delivery log), the event-feed entries routed to apps by consent, and the developer
 * notifications about failing endpoints. Event types are JSON text on both backends.
 */
import type { Generated } from 'kysely';

export const SCHEMA = 'webhooks';

type Int = number | bigint;

export interface EndpointsTable {
  id: string;
  client_id: string;
  url: string;
  description: string;
  /** JSON array of event types. */
  event_types: string;
  status: 'enabled' | 'disabled';
  /** `app` (by PATCH) or `failing` (after five days of failures); null while enabled. */
  disabled_reason: string | null;
  secret_box: string;
  /** The rotated-out secret, signing too until `previous_secret_expires_at`. */
  previous_secret_box: string | null;
  previous_secret_expires_at: string | null;
  /** When the first failure since the last success happened; null while healthy. */
  failing_since: string | null;
  /** When the developer was told the endpoint is failing; cleared by the next success. */
  warned_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type MessageStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface MessagesTable {
  /** `msg_…`, sent as `webhook-id` on every attempt. */
  id: string;
  endpoint_id: string;
  client_id: string;
  event_id: string;
  event_type: string;
  /** The exact body sent: `{"type","timestamp","data"}`. */
  payload: string;
  status: MessageStatus;
  attempts: number;
  /** Due time while pending (a claim moves it forward by the lease); null once final. */
  next_attempt_at: string | null;
  /** The claim token of the dispatcher holding it; null when free. */
  claimed_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttemptsTable {
  /** `wdl_…` */
  id: string;
  message_id: string;
  endpoint_id: string;
  attempt: number;
  attempted_at: string;
  url: string;
  status_code: number | null;
  latency_ms: number;
  /** 1 for a 2xx answer. */
  succeeded: number;
  error: string | null;
  response_snippet: string | null;
}

export interface FeedEntriesTable {
  client_id: string;
  event_id: string;
  /** The event's outbox sequence number. */
  seq: Int;
  event_type: string;
  created_at: string;
}

export interface NotificationsTable {
  id: Generated<Int>;
  client_id: string;
  endpoint_id: string;
  type: string;
  message: string;
  created_at: string;
}

export interface WebhookTables {
  endpoints: EndpointsTable;
  messages: MessagesTable;
  attempts: AttemptsTable;
  feed_entries: FeedEntriesTable;
  notifications: NotificationsTable;
}
