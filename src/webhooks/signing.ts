/**
 * @module Standard Webhooks signing with the `standardwebhooks` library: `webhook-id` (the message
 * id, the same on every attempt), `webhook-timestamp` (this attempt, Unix seconds) and
 * `webhook-signature`, one `v1,<base64 HMAC-SHA256>` per live secret, space-separated (during a
 * rotation both the new and the old secret sign, so receivers may switch at their own pace).
 */
import { Webhook } from 'standardwebhooks';

export function signatureHeaders(
  messageId: string,
  at: Date,
  payload: string,
  secrets: readonly string[],
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, payload)).join(' '),
  };
}
