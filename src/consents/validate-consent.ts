/**
 * @module Checks a new consent before it is stored: known scopes, each listed once, all granted
 * to the app and carried by its token (else INSUFFICIENT_SCOPE naming the scope); an RFC 3339 expiry in the future and at most
 * a year away; a valid transaction date window; a payment limit only with `payments.write`.
 */
import { AppError, type FieldError } from '../platform/index.ts';
import { CONSENT_SCOPES, type ConsentScope, type NewConsent } from './types.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (path: string, message: string): never => {
  throw new AppError('VALIDATION_FAILED', `${path} ${message}`, { errors: [{ path, message }] });
};

/**
 * Every scope must be granted to the app, and carried by the token it asks with (least privilege:
 * an app token for accounts cannot ask for payments, as in UK Open Banking).
 */
function checkScopes(
  scopes: readonly ConsentScope[],
  { granted, tokenScopes }: { readonly granted: readonly string[]; readonly tokenScopes: readonly string[] },
): void {
  if (scopes.length === 0) invalid('/body/scopes', 'must name at least one scope');
  scopes.forEach((scope, i) => {
    if (!(CONSENT_SCOPES as readonly string[]).includes(scope)) {
      invalid(`/body/scopes/${i}`, `must be one of ${CONSENT_SCOPES.join(', ')}`);
    }
    if (scopes.indexOf(scope) !== i) invalid(`/body/scopes/${i}`, 'is listed twice');
  });
  requireHeld(
    scopes,
    granted,
    (scope) => `${scope} was not granted to the app`,
    (missing) => `The app was not granted ${missing}`,
  );
  requireHeld(
    scopes,
    tokenScopes,
    (scope) => `${scope} is not a scope of the app's access token`,
    (missing) =>
      `The app's access token does not carry ${missing}: ask for its client-credentials token ` +
      'with every scope the consent asks for',
  );
}

/** INSUFFICIENT_SCOPE, with a field error for each of `scopes` not in `held`. */
function requireHeld(
  scopes: readonly ConsentScope[],
  held: readonly string[],
  message: (scope: string) => string,
  detail: (missing: string) => string,
): void {
  const errors: FieldError[] = scopes.flatMap((scope, i) =>
    held.includes(scope) ? [] : [{ path: `/body/scopes/${i}`, message: message(scope) }],
  );
  if (errors.length === 0) return;
  const missing = scopes.filter((s) => !held.includes(s)).join(', ');
  throw new AppError('INSUFFICIENT_SCOPE', detail(missing), { errors });
}

/** The expiry as a canonical RFC 3339 UTC timestamp. */
function checkExpiry(expiresAt: string, now: Date): string {
  const time = RFC3339.test(expiresAt) ? Date.parse(expiresAt) : Number.NaN;
  if (Number.isNaN(time)) return invalid('/body/expires_at', 'must be an RFC 3339 date-time');
  if (time <= now.getTime()) invalid('/body/expires_at', 'must be in the future');
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (time > limit.getTime()) invalid('/body/expires_at', 'must be at most one year away');
  return new Date(time).toISOString();
}

function checkDate(value: string | null | undefined, path: string): string | null {
  if (value === undefined || value === null) return null;
  const valid = DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) return invalid(path, 'must be a date (YYYY-MM-DD)');
  // Both databases must be able to hold it (PostgreSQL has no year 0).
  return value >= '1900-01-01' ? value : invalid(path, 'must be 1900-01-01 or later');
}

export interface CheckedConsent {
  readonly scopes: readonly ConsentScope[];
  readonly expiresAt: string;
  readonly transactionFromDate: string | null;
  readonly transactionToDate: string | null;
  readonly maxAmount: { readonly minor: bigint; readonly currency: string } | null;
}

/** Throws the first problem found; `granted` are the app's scopes, `tokenScopes` its token's. */
export function checkNewConsent(
  input: NewConsent,
  scopes: { readonly granted: readonly string[]; readonly tokenScopes: readonly string[] },
  now: Date,
): CheckedConsent {
  checkScopes(input.scopes, scopes);
  const expiresAt = checkExpiry(input.expiresAt, now);
  const from = checkDate(input.transactionFromDate, '/body/transaction_from_date');
  const to = checkDate(input.transactionToDate, '/body/transaction_to_date');
  if (from !== null && to !== null && from > to) {
    invalid('/body/transaction_to_date', 'must not be before transaction_from_date');
  }
  const maxAmount = input.maxAmount ?? null;
  if (maxAmount !== null) {
    if (!input.scopes.includes('payments.write')) {
      invalid('/body/max_amount', 'is allowed only with the payments.write scope');
    }
    if (maxAmount.minor <= 0n) invalid('/body/max_amount/amount', 'must be greater than zero');
  }
  return {
    scopes: [...input.scopes],
    expiresAt,
    transactionFromDate: from,
    transactionToDate: to,
    maxAmount,
  };
}
