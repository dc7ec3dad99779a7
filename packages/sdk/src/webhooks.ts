/**
 * @module Webhook signature verification, Standard Webhooks: the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA-256 under the base64 key after `whsec_`;
 * `webhook-signature` holds one or more `v1,<base64>` (two during a secret rotation). The timestamp
 * must be within the tolerance (replays), and the body is verified as received, before parsing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** The event a webhook carries (a CloudEvent). */
export interface WebhookEvent<T = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly time: string;
  readonly data: T;
  readonly [key: string]: unknown;
}

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null };

const header = (headers: Headers, name: string): string | undefined => {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
};

export interface VerifyOptions {
  /** Seconds a timestamp may be off from now (default 300). */
  readonly toleranceSeconds?: number;
  /** The clock (tests). */
  readonly now?: Date;
}

/**
 * Verifies a delivery and returns its event. `secret` is the endpoint's `whsec_…`; `headers` the
 * request's (a Fetch `Headers` or Node's object); `body` the raw body as received.
 */
export function verifyWebhook<T = Record<string, unknown>>(
  secret: string,
  headers: Headers,
  body: string,
  options: VerifyOptions = {},
): WebhookEvent<T> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('Missing webhook headers');
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError('Bad webhook-timestamp');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300)) {
    throw new WebhookVerificationError('The webhook timestamp is too old or too new');
  }
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const matches = signatures.split(' ').some((candidate) => {
    const [version, signature] = candidate.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError('No matching signature');
  return JSON.parse(body) as WebhookEvent<T>;
}
