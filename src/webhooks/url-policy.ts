/**
 * @module Webhook URLs follow the platform's outbound URL policy (platform/outbound/url-policy.ts).
 */
import { AppError, urlRefusal } from '../platform/index.ts';

/** INVALID_WEBHOOK_URL naming `path` when the URL is refused. */
export function checkWebhookUrl(raw: string, sandbox: boolean, path = '/body/url'): void {
  const message = urlRefusal(raw, sandbox);
  if (message) {
    throw new AppError('INVALID_WEBHOOK_URL', `${path} ${message}`, { errors: [{ path, message }] });
  }
}
