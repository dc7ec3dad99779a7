/**
 * @module JSON schemas of the webhook and event-feed API (snake_case, closed request bodies) and the
 * mapping of endpoints, messages, attempts and feed events to their JSON form.
 */
import { type TSchema, Type } from 'typebox';
import { EVENT_TYPES, LinksSchema } from '../../platform/index.ts';
import type { FeedPage } from '../feed.ts';
import type { Attempt, Endpoint, EndpointWithSecret, Message } from '../types.ts';

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});
const EventTypeSchema = Type.Enum([...EVENT_TYPES]);
const Url = Type.String({
  maxLength: 2048,
  description: 'https URL the events are POSTed to (http on a loopback address in sandbox mode only)',
  examples: ['https://hooks.fintech.example/wekeza'],
});
const EventTypes = Type.Array(EventTypeSchema, {
  minItems: 1,
  uniqueItems: true,
  description: 'The event types this endpoint receives',
});
const Description = Type.String({ maxLength: 500 });
const ID = '[0-9A-HJKMNP-TV-Z]{26}';

export const EndpointIdParams = Type.Object({
  endpoint_id: Type.String({ pattern: `^whe_${ID}$`, description: 'Webhook endpoint id, `whe_…`' }),
});

export const DeliveryIdParams = Type.Object({
  delivery_id: Type.String({
    pattern: `^(wdl|msg)_${ID}$`,
    description: 'A delivery id (`wdl_…`) from the delivery log, or a message id (`msg_…`, the `webhook-id`)',
  }),
});

export const CreateEndpointBody = Type.Object(
  { url: Url, event_types: EventTypes, description: Type.Optional(Description) },
  { additionalProperties: false },
);

export const UpdateEndpointBody = Type.Object(
  {
    url: Type.Optional(Url),
    event_types: Type.Optional(EventTypes),
    description: Type.Optional(Description),
    status: Type.Optional(
      Type.Enum(['enabled', 'disabled'], {
        description: 'A disabled endpoint receives nothing; its pending messages are cancelled',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RotateSecretBody = Type.Object(
  {
    overlap_seconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 604800,
        default: 86400,
        description: 'How long the old secret keeps signing too (default 24 hours; 0 stops it at once)',
      }),
    ),
  },
  { additionalProperties: false },
);

const EndpointFields = {
  id: Type.String({ description: 'Webhook endpoint id, `whe_…`' }),
  url: Type.String(),
  description: Type.String(),
  event_types: Type.Array(EventTypeSchema),
  status: Type.Enum(['enabled', 'disabled']),
  disabled_reason: Nullable(
    Type.Enum(['app', 'failing']),
    '`app`: disabled by the app; `failing`: disabled after five days of failed deliveries',
  ),
  failing_since: Nullable(Timestamp, 'When deliveries started failing; null while healthy'),
  previous_secret_expires_at: Nullable(Timestamp, 'Until when the rotated-out secret also signs'),
  created_at: Timestamp,
  updated_at: Timestamp,
};

export const EndpointSchema = Type.Object(EndpointFields);
export const EndpointList = Type.Object({ data: Type.Array(EndpointSchema) });
export const EndpointWithSecretSchema = Type.Object({
  ...EndpointFields,
  secret: Type.String({
    description: 'The signing secret (`whsec_…`), shown only here: verify `webhook-signature` with it',
  }),
});

export const MessageSchema = Type.Object({
  id: Type.String({ description: 'Message id, `msg_…`: the `webhook-id` header of every attempt' }),
  endpoint_id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  status: Type.Enum(['pending', 'delivered', 'failed', 'cancelled']),
  attempts: Type.Integer(),
  next_attempt_at: Nullable(Timestamp),
  created_at: Timestamp,
});

export const AttemptSchema = Type.Object({
  id: Type.String({ description: 'Delivery id, `wdl_…`' }),
  message_id: Type.String({ description: 'The `webhook-id` sent' }),
  event_id: Type.String(),
  event_type: Type.String(),
  attempt: Type.Integer({ description: '1 for the first attempt of the message' }),
  attempted_at: Timestamp,
  url: Type.String(),
  status_code: Nullable(Type.Integer(), 'Null when no answer came'),
  latency_ms: Type.Integer(),
  succeeded: Type.Boolean({ description: 'A 2xx answer within 15 seconds' }),
  error: Nullable(Type.String(), 'What went wrong on the way (refused address, timeout, connection error)'),
  response_snippet: Nullable(Type.String(), 'The first 4 KiB of the response body'),
  message_status: Type.Enum(['pending', 'delivered', 'failed', 'cancelled']),
  next_attempt_at: Nullable(Timestamp, 'When the message is tried again, while pending'),
});

export const DeliveryQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    before: Type.Optional(
      Type.String({ pattern: `^wdl_${ID}$`, description: 'The last delivery id of the previous page' }),
    ),
  },
  { additionalProperties: false },
);
export const DeliveryList = Type.Object({ data: Type.Array(AttemptSchema), links: LinksSchema });

export const FeedQuerySchema = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        pattern: '^[0-9]{1,18}$',
        description: '`next_cursor` of the previous call (an event `sequence`); omit to start at the oldest',
      }),
    ),
    types: Type.Optional(
      Type.String({
        maxLength: 500,
        description: 'Comma-separated event types to return, for example `payment.completed,consent.revoked`',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

const FeedEventSchema = Type.Object(
  {
    specversion: Type.Literal('1.0'),
    id: Type.String({ description: 'Event id, `evt_…`: de-duplicate by it' }),
    source: Type.String(),
    type: Type.String({ examples: ['payment.completed'] }),
    subject: Type.String({ examples: ['payments/pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9'] }),
    time: Timestamp,
    datacontenttype: Type.Literal('application/json'),
    dataschema: Type.String({ examples: ['urn:wekeza:events:payment.completed:v1'] }),
    clientid: Nullable(Type.String(), 'The app the event is about; null for `transaction.posted`'),
    sequence: Type.String({ description: 'The position in the feed: the cursor' }),
    data: Type.Object({}, { additionalProperties: true }),
  },
  { description: 'A CloudEvents 1.0 envelope' },
);

export const FeedSchema = Type.Object({
  data: Type.Array(FeedEventSchema),
  next_cursor: Type.String({ description: 'Pass it as `after` next time, even when `data` is empty' }),
  has_more: Type.Boolean({ description: 'Call again with `next_cursor` right away' }),
});

export const toEndpointDto = (e: Endpoint) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  event_types: [...e.eventTypes],
  status: e.status,
  disabled_reason: e.disabledReason,
  failing_since: e.failingSince,
  previous_secret_expires_at: e.previousSecretExpiresAt,
  created_at: e.createdAt,
  updated_at: e.updatedAt,
});

export const toEndpointWithSecretDto = (e: EndpointWithSecret) => ({ ...toEndpointDto(e), secret: e.secret });

export const toMessageDto = (m: Message) => ({
  id: m.id,
  endpoint_id: m.endpointId,
  event_id: m.eventId,
  event_type: m.eventType,
  status: m.status,
  attempts: m.attempts,
  next_attempt_at: m.nextAttemptAt,
  created_at: m.createdAt,
});

export const toAttemptDto = (a: Attempt) => ({
  id: a.id,
  message_id: a.messageId,
  event_id: a.eventId,
  event_type: a.eventType,
  attempt: a.attempt,
  attempted_at: a.attemptedAt,
  url: a.url,
  status_code: a.statusCode,
  latency_ms: a.latencyMs,
  succeeded: a.succeeded,
  error: a.error,
  response_snippet: a.responseSnippet,
  message_status: a.messageStatus,
  next_attempt_at: a.nextAttemptAt,
});

export const toFeedDto = (page: FeedPage) => ({
  data: page.events,
  next_cursor: page.nextCursor,
  has_more: page.hasMore,
});
