/**
 * @module The consents module interface: apps request and revoke consents; the authorisation server
 * has them authorised or rejected by the customer; the customer lists and revokes theirs; the gateway
 * asks whether one is active.
 */
import type { Database } from '../platform/index.ts';
import { authorizeConsent, rejectConsent } from './authorize.ts';
import { createConsentsContext } from './context.ts';
import { appsCoveringAccount, appsCoveringAccounts } from './covering.ts';
import { createConsent } from './create.ts';
import { isActive } from './expiry.ts';
import { findByGrantId, getConsent, getForClient, listForCustomer } from './read.ts';
import { revokeConsent, revokeForClient, revokeForCustomer } from './revoke.ts';
import type { AppToken, Authorization, Consent, ConsentDeps, ConsentScope, NewConsent } from './types.ts';

export interface ConsentService {
  /**
   * A new consent awaiting authorisation, asked for by the app with its client-credentials token.
   * INSUFFICIENT_SCOPE for a scope the app was not granted, or that its token does not carry;
   * VALIDATION_FAILED for a bad expiry, date window or payment limit.
   */
  create(by: AppToken, input: NewConsent): Promise<Consent>;
  /** Internal, no ownership check. CONSENT_NOT_FOUND when there is none. */
  get(id: string): Promise<Consent>;
  /** CONSENT_NOT_FOUND for another app's consent, as for one that does not exist. */
  getForClient(clientId: string, id: string): Promise<Consent>;
  /** The consent authorised under an OAuth grant, if any. */
  findByGrantId(grantId: string): Promise<Consent | undefined>;
  /**
   * Binds the consent to the customer, accounts and grant. CONSENT_NOT_FOUND (another app's),
   * CONSENT_EXPIRED, CONSENT_NOT_AWAITING_AUTHORIZATION (decided already), ACCOUNT_NOT_ELIGIBLE.
   */
  authorize(id: string, authorization: Authorization): Promise<Consent>;
  /** The customer declined. Same errors as `authorize`, bar the accounts. */
  reject(id: string, by: { readonly clientId: string; readonly customerId: string }): Promise<Consent>;
  /** Internal: revokes (authorised or awaiting), then calls `onRevoked`. Else CONSENT_NOT_ACTIVE. */
  revoke(id: string, actor: string, reason: string): Promise<Consent>;
  /** `revoke` by the app the consent belongs to; CONSENT_NOT_FOUND for another app's. */
  revokeForClient(clientId: string, id: string): Promise<Consent>;
  /** `revoke` by the customer who authorised it; CONSENT_NOT_FOUND for anyone else's. */
  revokeForCustomer(customerId: string, id: string): Promise<Consent>;
  /** The customer's consents, newest first, with their histories. */
  listForCustomer(customerId: string): Promise<Consent[]>;
  /** Authorised and not expired. */
  isActive(consent: Consent): boolean;
  /** The apps whose live consents cover the account with the scope (default `transactions.read`). */
  appsCoveringAccount(accountId: string, scope?: ConsentScope): Promise<string[]>;
  /** The same for several accounts in one read: by account, those that any app covers. */
  appsCoveringAccounts(accountIds: readonly string[], scope?: ConsentScope): Promise<Map<string, string[]>>;
}

export function createConsentService(database: Database, deps: ConsentDeps): ConsentService {
  const ctx = createConsentsContext(database, deps);
  return Object.freeze({
    create: (by, input) => createConsent(ctx, by, input),
    get: (id) => getConsent(ctx, id),
    getForClient: (clientId, id) => getForClient(ctx, clientId, id),
    findByGrantId: (grantId) => findByGrantId(ctx, grantId),
    authorize: (id, authorization) => authorizeConsent(ctx, id, authorization),
    reject: (id, by) => rejectConsent(ctx, id, by),
    revoke: (id, actor, reason) => revokeConsent(ctx, id, actor, reason),
    revokeForClient: (clientId, id) => revokeForClient(ctx, clientId, id),
    revokeForCustomer: (customerId, id) => revokeForCustomer(ctx, customerId, id),
    listForCustomer: (customerId) => listForCustomer(ctx, customerId),
    isActive: (consent) => isActive(consent, ctx.now()),
    appsCoveringAccount: (accountId, scope = 'transactions.read') =>
      appsCoveringAccount(ctx, accountId, scope),
    appsCoveringAccounts: (accountIds, scope = 'transactions.read') =>
      appsCoveringAccounts(ctx, accountIds, scope),
  } satisfies ConsentService);
}
