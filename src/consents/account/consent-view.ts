/**
 * @module What the consent list shows of one consent, in the customer's words: the app, what it may
 * do (the same wording as the OAuth consent page), which accounts (masked), its status and dates,
 * when it was last used and what the app read (the gateway's audit trail).
 */
import { formatAmount } from '../../platform/index.ts';
import { type Consent, type ConsentStatus, SCOPE_DESCRIPTIONS } from '../types.ts';

/** Worded exactly as on the OAuth consent page, so the customer recognises what they agreed to. */
const PERMISSIONS: Record<string, string> = SCOPE_DESCRIPTIONS;

const STATUS_TEXT: Record<ConsentStatus, string> = {
  awaiting_authorization: 'Waiting for your approval',
  authorized: 'Active',
  rejected: 'Declined',
  revoked: 'Withdrawn',
  expired: 'Expired',
};

export interface ConsentView {
  readonly id: string;
  readonly appName: string;
  readonly state: ConsentStatus;
  /** The status in the customer's words. */
  readonly status: string;
  readonly permissions: readonly string[];
  readonly accounts: readonly string[];
  /** When the customer authorised it (ISO), if they did. */
  readonly since: string | undefined;
  readonly until: string;
  /** When it was withdrawn or expired (ISO), if it was. */
  readonly ended: string | undefined;
  readonly canWithdraw: boolean;
  /** When the app last used it (ISO), if ever. */
  readonly lastUsed: string | undefined;
  /** Its most recent uses, newest first. */
  readonly access: readonly AccessLine[];
}

export interface AccessLine {
  readonly at: string;
  /** What the app did, in the customer's words. */
  readonly what: string;
  readonly refused: boolean;
}

/** An access record from the gateway's audit trail. */
export interface AccessRecord {
  readonly at: string;
  readonly accountId: string | null;
  readonly method: string;
  readonly route: string;
  readonly status: number;
  /** Repeats within one second are one record. */
  readonly count?: number;
}

const ACTIONS: Record<string, string> = {
  '/v1/accounts': 'Listed your accounts',
  '/v1/accounts/:account_id': 'Read the details of',
  '/v1/accounts/:account_id/balance': 'Read the balance of',
  '/v1/accounts/:account_id/transactions': 'Read the transactions of',
  '/v1/accounts/:account_id/transactions/sync': 'Copied new transactions of',
};

function accessLine(
  record: AccessRecord,
  accounts: ReadonlyMap<string, { readonly nickname: string; readonly accountNumber: string }>,
): AccessLine {
  const action = ACTIONS[record.route] ?? `${record.method} ${record.route}`;
  const account = record.accountId ? accounts.get(record.accountId) : undefined;
  const what = record.accountId
    ? `${action} ${account ? `${account.nickname} ${masked(account.accountNumber)}` : 'an account'}`
    : action;
  const times = (record.count ?? 1) > 1 ? ` (${record.count} times)` : '';
  return { at: record.at, what: `${what}${times}`, refused: record.status >= 400 };
}

export const masked = (accountNumber: string): string => `•••• ${accountNumber.slice(-4)}`;

function permissionsOf(consent: Consent): string[] {
  return consent.scopes.map((scope) => {
    let text = PERMISSIONS[scope] ?? scope;
    if (scope === 'transactions.read' && (consent.transactionFromDate || consent.transactionToDate)) {
      text += ` (from ${consent.transactionFromDate ?? 'the start'} to ${consent.transactionToDate ?? 'today'})`;
    }
    if (scope === 'payments.write' && consent.maxAmount) {
      const { minor, currency } = consent.maxAmount;
      text += `, up to ${formatAmount(minor, currency)} ${currency} each`;
    }
    return text;
  });
}

export function consentView(
  consent: Consent,
  appName: string,
  accounts: ReadonlyMap<string, { readonly nickname: string; readonly accountNumber: string }>,
  usage: { readonly lastUsed?: string | undefined; readonly access?: readonly AccessRecord[] } = {},
): ConsentView {
  const at = (status: ConsentStatus) => consent.history.findLast((h) => h.to === status)?.at;
  return {
    id: consent.id,
    appName,
    state: consent.status,
    status: STATUS_TEXT[consent.status],
    permissions: permissionsOf(consent),
    accounts: consent.accountIds.map((id) => {
      const account = accounts.get(id);
      return account
        ? `${account.nickname} ${masked(account.accountNumber)}`
        : 'An account that is now closed';
    }),
    since: at('authorized'),
    until: consent.expiresAt,
    ended: consent.status === 'revoked' || consent.status === 'expired' ? at(consent.status) : undefined,
    canWithdraw: consent.status === 'authorized',
    lastUsed: usage.lastUsed,
    access: (usage.access ?? []).map((r) => accessLine(r, accounts)),
  };
}
