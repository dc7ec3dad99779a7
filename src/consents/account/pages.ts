/**
 * @module The pages of the customer's consent list: log in, the list of apps with access (each with a
 * "Withdraw access" form), and a plain message page. Branded layout and escaping from the platform.
 */
import { type Html, html, loginForm, page } from '../../platform/http/html.ts';
import type { ConsentView } from './consent-view.ts';

const dateText = (iso: string) =>
  new Date(iso).toLocaleString('en-KE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Africa/Nairobi',
  });

const time = (iso: string) => html`<time datetime="${iso}">${dateText(iso)}</time>`;

/** Text for screen readers only (the layout has no utility class for it, and CSP allows inline styles). */
const hidden = (text: string) =>
  html`<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap">${text}</span>`;

export function loginPage(options: { csrf: string; error?: string; username?: string }): string {
  return page(
    'Your connected apps',
    html`<h1>Log in to manage your connected apps</h1>
<p>See which apps can access your Wekeza accounts, and withdraw their access at any time.</p>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
${loginForm('/account/login', options.csrf, options.username)}`,
  );
}

/** Layout for the list (the shared stylesheet covers forms only; CSP allows inline styles). */
const S = {
  section: 'border-top:1px solid var(--line);margin-top:1.25rem;padding-top:.5rem',
  h2: 'font-size:1.2rem;margin:.5rem 0',
  dl: 'display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0',
  dt: 'font-weight:600',
  dd: 'margin:0',
  ul: 'margin:0;padding-left:1.1rem',
};

const row = (term: string, value: unknown) =>
  html`<dt style="${S.dt}">${term}</dt><dd style="${S.dd}">${value}</dd>`;

const list = (items: readonly string[]) =>
  items.length ? html`<ul style="${S.ul}">${items.map((i) => html`<li>${i}</li>`)}</ul>` : 'None';

function consentSection(view: ConsentView, csrf: string): Html {
  const heading = `consent-${view.id}`;
  return html`<section aria-labelledby="${heading}" style="${S.section}">
<h2 id="${heading}" style="${S.h2}">${view.appName}</h2>
<dl style="${S.dl}">
${row('Status', html`<strong>${view.status}</strong>`)}
${row('What it can do', list(view.permissions))}
${row('Accounts', list(view.accounts))}
${view.since ? row('Since', time(view.since)) : ''}
${row('Until', time(view.until))}
${view.ended ? row(view.status, time(view.ended)) : ''}
${row('Last used', view.lastUsed ? time(view.lastUsed) : 'Never')}
</dl>
${
  view.access.length
    ? html`<details>
<summary>What ${view.appName} accessed recently</summary>
<ul style="${S.ul}">${view.access.map(
        (a) => html`<li>${time(a.at)}: ${a.what}${a.refused ? ' (refused)' : ''}</li>`,
      )}</ul>
</details>`
    : ''
}
${
  view.canWithdraw
    ? html`<form method="post" action="/account/consents/${view.id}/revoke">
<input type="hidden" name="csrf" value="${csrf}">
<button type="submit" class="secondary">Withdraw access${hidden(` for ${view.appName}`)}</button>
</form>`
    : ''
}
</section>`;
}

export function consentsPage(options: {
  views: readonly ConsentView[];
  csrf: string;
  notice?: string;
}): string {
  const { views, csrf } = options;
  return page(
    'Your connected apps',
    html`<h1>Apps with access to your accounts</h1>
${options.notice ? html`<p role="status"><strong>${options.notice}</strong></p>` : ''}
${views.length ? views.map((v) => consentSection(v, csrf)) : html`<p>You have not given any app access to your accounts.</p>`}
<form method="post" action="/account/logout">
<input type="hidden" name="csrf" value="${csrf}">
<button type="submit" class="secondary">Log out</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(
    title,
    html`<h1>${title}</h1>
<p>${message}</p>
<p><a href="/account/consents">Back to your connected apps</a></p>`,
  );
}
