/**
 * @module The event envelope: CloudEvents 1.0 attributes (`specversion`, `id`, `source`, `type`,
 * `subject`, `time`, `datacontenttype`, `dataschema`) with the versioned payload in `data`, and two
 * extension attributes: `clientid` (the app the event concerns, if any) and `sequence` (the outbox
 * position, increasing in commit order).
 */

export interface CloudEvent {
  readonly specversion: '1.0';
  /** `evt_…`: consumers de-duplicate by it (delivery is at least once). */
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** `urn:wekeza:events:<type>:v<version>` */
  readonly dataschema: string;
  readonly clientid: string | null;
  /** The outbox sequence number, as a decimal string. */
  readonly sequence: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Every event type the platform emits (the webhook and feed APIs accept exactly these). */
export const EVENT_TYPES = [
  'payment.created',
  'payment.completed',
  'payment.rejected',
  'payment.under_review',
  'transaction.posted',
  'consent.authorized',
  'consent.revoked',
  'consent.expired',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const dataSchemaOf = (type: string, version: number) => `urn:wekeza:events:${type}:v${version}`;

/**
 * AMQP topic matching: words separated by `.`, `*` matches one word, `#` zero or more words.
 * The in-process bus uses it so that patterns mean the same with and without RabbitMQ.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const p = pattern.split('.');
  const k = routingKey.split('.');
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === k.length;
    if (p[i] === '#') return match(i + 1, j) || (j < k.length && match(i, j + 1));
    if (j === k.length) return false;
    return (p[i] === '*' || p[i] === k[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}
