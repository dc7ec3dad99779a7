/**
 * @module The closed catalogue of error codes. Domain code throws `AppError`s with one of these
 * codes; the one HTTP error handler turns them into RFC 9457 problem documents.
 */

/** Transport-neutral kinds; only the HTTP layer knows their status codes. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'unprocessable'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export const statusOfKind: Readonly<Record<ErrorKind, number>> = Object.freeze({
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
});

const entry = (kind: ErrorKind, title: string) => Object.freeze({ kind, title });

export const catalogue = Object.freeze({
  // platform
  VALIDATION_FAILED: entry('invalid', 'The request is not valid'),
  MALFORMED_REQUEST: entry('invalid', 'The request body could not be read'),
  INVALID_AMOUNT: entry('invalid', 'The amount is not valid'),
  UNSUPPORTED_CURRENCY: entry('invalid', 'The currency is not supported'),
  INVALID_CURSOR: entry('invalid', 'The pagination cursor is not valid'),
  ROUTE_NOT_FOUND: entry('not_found', 'No such resource'),
  API_VERSION_NOT_FOUND: entry('not_found', 'No such API version'),
  PAYLOAD_TOO_LARGE: entry('too_large', 'The request body is too large'),
  UNSUPPORTED_MEDIA_TYPE: entry('unsupported_media_type', 'The content type is not supported'),
  SERVICE_UNAVAILABLE: entry('unavailable', 'The service is not available'),
  INTERNAL_ERROR: entry('internal', 'An unexpected error occurred'),
  // core banking
  CUSTOMER_NOT_FOUND: entry('not_found', 'Customer not found'),
  ACCOUNT_NOT_FOUND: entry('not_found', 'Account not found'),
  ENTRY_NOT_FOUND: entry('not_found', 'Journal entry not found'),
  HOLD_NOT_FOUND: entry('not_found', 'Hold not found'),
  ACCOUNT_NOT_OPEN: entry('unprocessable', 'The account is not open'),
  CURRENCY_MISMATCH: entry('unprocessable', 'The currency does not match the account'),
  UNBALANCED_ENTRY: entry('unprocessable', 'The postings of an entry must sum to zero per currency'),
  INSUFFICIENT_FUNDS: entry('unprocessable', 'Insufficient funds'),
  BALANCE_LIMIT: entry('unprocessable', 'The account would hold more than the ledger allows'),
  SAME_ACCOUNT: entry('unprocessable', 'Debit and credit accounts must differ'),
  REFERENCE_REUSED: entry('conflict', 'The reference was already used for a different request'),
  HOLD_NOT_ACTIVE: entry('conflict', 'The hold is no longer active'),
  ALREADY_REVERSED: entry('conflict', 'The entry has already been reversed'),
  NOT_REVERSIBLE: entry('unprocessable', 'The entry cannot be reversed'),
  // developers
  UNAUTHENTICATED: entry('unauthenticated', 'Authentication is required'),
  INVALID_CREDENTIALS: entry('unauthenticated', 'The email or password is not correct'),
  DEVELOPER_EMAIL_TAKEN: entry('conflict', 'A developer with this email already exists'),
  APP_CHANGED_CONCURRENTLY: entry('conflict', 'The app was changed by other requests at the same time'),
  APP_NOT_FOUND: entry('not_found', 'App not found'),
  INVALID_REDIRECT_URI: entry('invalid', 'The redirect URI is not allowed'),
  SCOPE_NOT_ALLOWED: entry('invalid', 'The scope is not allowed'),
  INVALID_JWKS: entry('invalid', 'The JSON Web Key Set is not valid'),
  // consents
  INSUFFICIENT_SCOPE: entry('forbidden', 'The access token does not have the scope this needs'),
  CONSENT_NOT_FOUND: entry('not_found', 'Consent not found'),
  CONSENT_NOT_AWAITING_AUTHORIZATION: entry('conflict', 'The consent is not awaiting authorisation'),
  CONSENT_EXPIRED: entry('conflict', 'The consent has expired'),
  CONSENT_NOT_ACTIVE: entry('conflict', 'The consent is not authorised'),
  ACCOUNT_NOT_ELIGIBLE: entry('invalid', 'The account cannot be shared under this consent'),
  // gateway
  RATE_LIMITED: entry('rate_limited', 'Too many requests'),
  LOGIN_LOCKED: entry('rate_limited', 'Too many failed log-ins: the account is locked for a while'),
  IP_NOT_ALLOWED: entry('forbidden', 'The app may not call the API from this address'),
  // webhooks
  WEBHOOK_ENDPOINT_NOT_FOUND: entry('not_found', 'Webhook endpoint not found'),
  WEBHOOK_DELIVERY_NOT_FOUND: entry('not_found', 'Webhook delivery not found'),
  INVALID_WEBHOOK_URL: entry('invalid', 'The webhook URL is not allowed'),
  WEBHOOK_ENDPOINT_DISABLED: entry('conflict', 'The webhook endpoint is disabled'),
  WEBHOOK_ENDPOINT_LIMIT: entry('conflict', 'The app has as many webhook endpoints as it may have'),
  WEBHOOK_SECRET_ROTATED_CONCURRENTLY: entry('conflict', 'The signing secret was rotated by another request'),
  // payments
  PAYMENT_NOT_FOUND: entry('not_found', 'Payment not found'),
  ACCOUNT_NOT_CONSENTED: entry('forbidden', 'The consent does not cover this account'),
  AMOUNT_ABOVE_CONSENT_LIMIT: entry('unprocessable', "The amount is above the consent's payment limit"),
  CREDITOR_ACCOUNT_NOT_FOUND: entry('unprocessable', 'No account in this bank has that account number'),
  IDEMPOTENCY_KEY_REUSED: entry('unprocessable', 'The Idempotency-Key was used for a different request'),
  IDEMPOTENCY_KEY_IN_FLIGHT: entry('conflict', 'A request with this Idempotency-Key is still in progress'),
  PAYMENT_NOT_UNDER_REVIEW: entry('conflict', 'The payment is not awaiting review'),
  // risk
  RISK_DECISION_NOT_FOUND: entry('not_found', 'Risk decision not found'),
  BENEFICIARY_NOT_BLOCKED: entry('not_found', 'The beneficiary is not blocked'),
  // sandbox
  SANDBOX_AUTHORIZATION_FAILED: entry('unprocessable', 'The sandbox authorisation did not complete'),
} as const);

export type ErrorCode = keyof typeof catalogue;
