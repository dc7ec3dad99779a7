/**
 * @module The login and consent pages. The consent page names the app, says each permission in plain
 * words, shows the expiry, and lists the customer's accounts as `account_ids` checkboxes.
 */
import { type Consent, SCOPE_DESCRIPTIONS } from '../../consents/types.ts';
import { html, loginForm, page } from '../../platform/http/html.ts';
import { formatAmount } from '../../platform/index.ts';
import type { CustomerAccount } from '../deps.ts';

const PERMISSIONS: Record<string, string> = SCOPE_DESCRIPTIONS;

const IDENTITY: Record<string, string> = {
  profile: 'Know your name',
  email: 'Know your email address',
  phone: 'Know your phone number',
};

const dateText = (iso: string) =>
  new Date(iso).toLocaleString('en-KE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Africa/Nairobi',
  });

const masked = (accountNumber: string) => `•••• ${accountNumber.slice(-4)}`;

export function loginPage(options: {
  uid: string;
  csrf: string;
  appName: string;
  error?: string;
  username?: string;
}): string {
  return page(
    'Log in',
    html`<h1>Log in to Wekeza</h1>
<p><strong>${options.appName}</strong> is asking to connect to your Wekeza account.</p>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
${loginForm(`/login/${options.uid}/login`, options.csrf, options.username)}`,
  );
}

export function consentPage(options: {
  uid: string;
  csrf: string;
  appName: string;
  consent: Consent | null;
  identityScopes: readonly string[];
  accounts: readonly CustomerAccount[];
  error?: string;
}): string {
  const { consent } = options;
  const permissions = [
    ...options.identityScopes.filter((s) => IDENTITY[s]).map((s) => IDENTITY[s] as string),
    ...(consent?.scopes ?? []).map((s) => {
      let text = PERMISSIONS[s] ?? s;
      if (s === 'transactions.read' && (consent?.transactionFromDate || consent?.transactionToDate)) {
        text += ` (from ${consent?.transactionFromDate ?? 'the start'} to ${consent?.transactionToDate ?? 'today'})`;
      }
      if (s === 'payments.write' && consent?.maxAmount) {
        text += `, up to ${formatAmount(consent.maxAmount.minor, consent.maxAmount.currency)} ${consent.maxAmount.currency} each`;
      }
      return text;
    }),
  ];
  return page(
    'Allow access',
    html`<h1>Allow ${options.appName} to access your account?</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<p>${options.appName} is asking to:</p>
<ul class="permissions">${permissions.map((p) => html`<li>${p}</li>`)}</ul>
${consent ? html`<p>Until <strong>${dateText(consent.expiresAt)}</strong>. You can withdraw this at any time.</p>` : ''}
<form method="post" action="/login/${options.uid}/consent">
<input type="hidden" name="csrf" value="${options.csrf}">
${
  consent
    ? html`<fieldset><legend>Accounts to share</legend>
${options.accounts.map(
  (a) =>
    html`<label><input type="checkbox" name="account_ids" value="${a.id}"> ${a.nickname} — ${a.type}, ${a.currency}, ${masked(a.accountNumber)}</label>`,
)}
</fieldset>`
    : ''
}
<button type="submit" name="decision" value="approve" class="primary">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page('Something went wrong', html`<h1>We could not continue</h1><p>${message}</p>`);
}
