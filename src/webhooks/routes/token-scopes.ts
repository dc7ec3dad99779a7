/**
 * @module Which event types an app's client-credentials token may subscribe to and read: the scope
 * under which the app gets such events at all — `payments.write` for its payments,
 * `transactions.read` for the transactions its consents let it read. Consent events are about the
 * app's own consents and need none. A token without a scope neither subscribes to its events
 * (webhook endpoints) nor reads them (the event feed). The developer portal, where the app's owner
 * manages its endpoints, has no token and is not asked.
 */
import { AppError, EVENT_TYPES, type EventType, type FieldError } from '../../platform/index.ts';

/** Every event type's scope, `null` for none: a new event type needs a decision here. */
const SCOPE_OF_EVENT: Readonly<Record<EventType, string | null>> = {
  'payment.created': 'payments.write',
  'payment.completed': 'payments.write',
  'payment.rejected': 'payments.write',
  'payment.under_review': 'payments.write',
  'transaction.posted': 'transactions.read',
  'consent.authorized': null,
  'consent.revoked': null,
  'consent.expired': null,
};

/**
 * 403 INSUFFICIENT_SCOPE when the token lacks the scope of one of `types`, with an error for each at
 * `path/<index>` (or at `path` when `indexed` is false).
 */
export function requireEventScopes(
  types: readonly EventType[],
  held: readonly string[],
  path: string,
  indexed = true,
): void {
  const errors: FieldError[] = [];
  const missing = new Set<string>();
  types.forEach((type, i) => {
    const scope = SCOPE_OF_EVENT[type];
    if (scope === null || held.includes(scope)) return;
    missing.add(scope);
    errors.push({
      path: indexed ? `${path}/${i}` : path,
      message: `${type} needs the ${scope} scope, which the app's access token does not carry`,
    });
  });
  if (errors.length > 0) {
    throw new AppError(
      'INSUFFICIENT_SCOPE',
      `The app's access token does not carry ${[...missing].join(', ')}: ask for its client-credentials ` +
        'token with the scopes of the event types',
      { errors },
    );
  }
}

/** The event types the token may read; undefined when it may read every one. */
export function readableEventTypes(held: readonly string[]): EventType[] | undefined {
  const readable = EVENT_TYPES.filter((t) => {
    const scope = SCOPE_OF_EVENT[t];
    return scope === null || held.includes(scope);
  });
  return readable.length === EVENT_TYPES.length ? undefined : readable;
}
