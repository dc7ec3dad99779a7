/**
 * @module The webhooks module's domain types: an app's endpoints, the messages fanned out to them
 * (one per event and endpoint), their delivery attempts, and the notifications its developer sees.
 */
import type { EventType } from '../platform/index.ts';
import type { MessageStatus } from './tables.ts';

export type { MessageStatus } from './tables.ts';

export type EndpointStatus = 'enabled' | 'disabled';
/** `app`: disabled by the app; `failing`: disabled after five days of failed deliveries. */
export type DisabledReason = 'app' | 'failing';

export interface Endpoint {
  readonly id: string;
  readonly clientId: string;
  readonly url: string;
  readonly description: string;
  readonly eventTypes: readonly EventType[];
  readonly status: EndpointStatus;
  readonly disabledReason: DisabledReason | null;
  /** When its deliveries started failing (null while healthy). */
  readonly failingSince: string | null;
  /** Until when a rotated-out secret still signs too, if one does. */
  readonly previousSecretExpiresAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An endpoint with its signing secret, which is shown only on creation and rotation. */
export interface EndpointWithSecret extends Endpoint {
  readonly secret: string;
}

export interface NewEndpoint {
  readonly url: string;
  readonly eventTypes: readonly EventType[];
  readonly description?: string | undefined;
}

export interface EndpointPatch {
  readonly url?: string | undefined;
  readonly eventTypes?: readonly EventType[] | undefined;
  readonly description?: string | undefined;
  readonly status?: EndpointStatus | undefined;
}

export interface Message {
  /** `msg_…`, the `webhook-id` of every attempt. */
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: MessageStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
}

/** One delivery attempt of a message, as the delivery log shows it. */
export interface Attempt {
  /** `wdl_…` */
  readonly id: string;
  readonly messageId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly attempt: number;
  readonly attemptedAt: string;
  readonly url: string;
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly succeeded: boolean;
  readonly error: string | null;
  readonly responseSnippet: string | null;
  readonly messageStatus: MessageStatus;
  readonly nextAttemptAt: string | null;
}

export type NotificationType =
  | 'webhook_endpoint.failing'
  | 'webhook_endpoint.disabled'
  | 'webhook_endpoint.recovered';

export interface Notification {
  readonly id: string;
  readonly clientId: string;
  readonly endpointId: string;
  readonly type: NotificationType;
  readonly message: string;
  readonly createdAt: string;
}
