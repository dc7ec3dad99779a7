/**
 * @module The consents module's domain types: what a customer agreed an app may see or do, on which
 * accounts, until when — and the append-only history of every status change.
 */

export const CONSENT_SCOPES = ['accounts.read', 'transactions.read', 'payments.write'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** What each scope lets an app do, in the customer's words: the OAuth consent page and the consent list. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<ConsentScope, string>> = Object.freeze({
  'accounts.read': 'See your account details and balances',
  'transactions.read': 'See your transactions',
  'payments.write': 'Make payments from your accounts',
});

export type ConsentStatus = 'awaiting_authorization' | 'authorized' | 'rejected' | 'revoked' | 'expired';

export interface ConsentHistoryEntry {
  readonly at: string;
  readonly from: ConsentStatus | null;
  readonly to: ConsentStatus;
  /** `app:<client_id>`, `customer:<customer_id>` or `system`. */
  readonly actor: string;
  readonly reason: string;
}

export interface Consent {
  readonly id: string;
  readonly clientId: string;
  readonly status: ConsentStatus;
  readonly scopes: readonly ConsentScope[];
  readonly expiresAt: string;
  /** Optional window of transaction booking dates the app may read (`YYYY-MM-DD`). */
  readonly transactionFromDate: string | null;
  readonly transactionToDate: string | null;
  /** Optional payments limit per payment, in minor units. */
  readonly maxAmount: { readonly minor: bigint; readonly currency: string } | null;
  readonly customerId: string | null;
  readonly accountIds: readonly string[];
  /** The OAuth grant the consent was authorised under (revoking the consent revokes it). */
  readonly grantId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly ConsentHistoryEntry[];
}

/** An app asking with its client-credentials token, and the scopes that token carries. */
export interface AppToken {
  readonly clientId: string;
  readonly tokenScopes: readonly string[];
}

export interface NewConsent {
  readonly scopes: readonly ConsentScope[];
  readonly expiresAt: string;
  readonly transactionFromDate?: string | null;
  readonly transactionToDate?: string | null;
  readonly maxAmount?: { readonly minor: bigint; readonly currency: string } | null;
}

export interface Authorization {
  readonly clientId: string;
  readonly customerId: string;
  readonly accountIds: readonly string[];
  readonly grantId: string;
}

/** An account as the consents module needs it (structurally a core-banking `Account`). */
export interface ConsentAccount {
  readonly id: string;
  readonly customerId: string | null;
  readonly currency: string;
  readonly status: string;
}

/** What the consents module needs from the rest of the platform; the app factory wires it. */
export interface ConsentDeps {
  /** The customer's accounts (core banking). */
  accountsOf(customerId: string): Promise<readonly ConsentAccount[]>;
  /** The scopes the app was granted, or undefined when there is no such app (developers). */
  appScopes(clientId: string): Promise<readonly string[] | undefined>;
  /** Called once after a consent was revoked and committed: revokes its OAuth grant (identity). */
  onRevoked(consent: Consent): Promise<void>;
  /** The clock (tests). */
  readonly now?: () => Date;
}
