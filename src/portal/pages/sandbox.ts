/**
 * @module An app's sandbox page: the sandbox customers with their public credentials and accounts,
 * and the "try it" walkthrough — copyable commands filled in with the app's own ids.
 */
import type { App } from '../../developers/index.ts';
import { html } from '../../platform/http/html.ts';
import { appTabs, type Chrome, copyable, portalPage } from '../layout.ts';
import type { SandboxCustomerView } from '../options.ts';
import type { Step } from '../try-it.ts';

export function sandboxPage(
  chrome: Chrome,
  o: {
    app: App;
    customers: readonly SandboxCustomerView[];
    steps: readonly Step[];
    browserUrl: string | undefined;
    missing: string | undefined;
  },
): string {
  const { app } = o;
  return portalPage(
    `Sandbox for ${app.name}`,
    html`<h1>${app.name}</h1>
${appTabs(app.clientId, 'sandbox')}
<p>The sandbox is a real bank with made-up customers and two years of their history. Nothing here moves real money.</p>
<h2 id="try-it">Try it: from consent to your first API call</h2>
${
  o.missing
    ? html`<p class="warning">${o.missing} <a href="/portal/apps/${app.clientId}/edit">Edit the app</a>.</p>`
    : html`<p>Run these in a terminal (bash with curl, jq and openssl), in order: each step's variables feed the next.</p>
<ol class="steps">${o.steps.map(
        (s) =>
          html`<li id="step-${s.id}"><h3>${s.title}</h3><p>${s.text}</p>${copyable(s.title, s.code)}</li>`,
      )}</ol>
${
  o.browserUrl
    ? html`<h3>The same approval, in a browser</h3>
<p>Instead of <code>/sandbox/authorize</code>, send a customer to this URL (after the PKCE and consent steps,
with your values in place of <code>$CHALLENGE</code> and <code>$CONSENT_ID</code>). They log in, pick accounts and
approve; the browser then comes back to your redirect URI with <code>?code=…</code>.</p>
${copyable('authorization URL', o.browserUrl)}`
    : ''
}`
}
<h2 id="customers">Sandbox customers</h2>
<p>Log in as any of them on the consent pages, or at <a href="/account/login">the customer consent centre</a>
to see and withdraw what they shared.</p>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Customer</th><th scope="col">Username</th><th scope="col">Password</th><th scope="col">Accounts</th></tr></thead>
<tbody>${o.customers.map(
      (
        c,
      ) => html`<tr><td>${c.name}</td><td><code>${c.username}</code></td><td><code>${c.password ?? '—'}</code></td>
<td><ul>${c.accounts.map((a) => html`<li>${a.nickname} (${a.currency}) <code>${a.id}</code></li>`)}</ul></td></tr>`,
    )}</tbody>
</table></div>`,
    {
      ...chrome,
      breadcrumbs: [
        ['Your apps', '/portal/apps'],
        [app.name, `/portal/apps/${app.clientId}`],
      ],
    },
  );
}
