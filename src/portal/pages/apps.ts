/**
 * @module The apps pages: the developer's list of apps, the create/edit form (name, redirect URIs,
 * scopes, IP allow-list) and an app's overview with its settings, tier and the links to act on it.
 */
import { APP_SCOPES, type App } from '../../developers/index.ts';
import { type Html, html } from '../../platform/http/html.ts';
import { appTabs, type Chrome, errorList, notice, portalPage, time } from '../layout.ts';

const SCOPE_TEXT: Readonly<Record<string, string>> = {
  openid: 'Sign the customer in (OpenID Connect)',
  profile: "The customer's name",
  email: "The customer's email address",
  phone: "The customer's phone number",
  offline_access: 'Refresh tokens, to keep access while the customer is away',
  'accounts.read': 'Accounts and balances',
  'transactions.read': 'Transactions',
  'payments.write': 'Payments',
};

const crumbs = (app?: App) =>
  app
    ? ([
        ['Your apps', '/portal/apps'],
        [app.name, `/portal/apps/${app.clientId}`],
      ] as const)
    : ([['Your apps', '/portal/apps']] as const);

export function appsPage(chrome: Chrome, apps: readonly App[], message?: string): string {
  return portalPage(
    'Your apps',
    html`<h1>Your apps</h1>
${notice(message)}
<p>Each app is an OAuth client with its own credentials, usage, sandbox walkthrough and webhooks.
New to Wekeza? Follow the <a href="/portal/guide">getting-started guide</a>.</p>
${
  apps.length
    ? html`<ul class="cards">${apps.map(
        (a) => html`<li><h2><a href="/portal/apps/${a.clientId}">${a.name}</a></h2>
<p><code>${a.clientId}</code></p><p class="muted">Created ${time(a.createdAt)} · ${a.status}</p></li>`,
      )}</ul>`
    : html`<p>You have no apps yet.</p>`
}
<p><a class="button primary" href="/portal/apps/new">Create an app</a></p>`,
    chrome,
  );
}

export interface AppFormValues {
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly scopes: readonly string[];
  readonly ipAllowlist: readonly string[];
}

export function appFormPage(
  chrome: Chrome,
  o: { app?: App; values: AppFormValues; errors?: readonly string[]; csrf: string },
): string {
  const editing = o.app !== undefined;
  const v = o.values;
  const title = editing ? `Edit ${o.app?.name}` : 'Create an app';
  return portalPage(
    title,
    html`<h1>${title}</h1>
${errorList(o.errors ?? [])}
<form method="post" action="${editing ? `/portal/apps/${o.app?.clientId}` : '/portal/apps'}">
<input type="hidden" name="csrf" value="${o.csrf}">
<label for="name">Name</label>
<p class="hint" id="name-hint">Customers see it when they are asked for their consent.</p>
<input type="text" id="name" name="name" required maxlength="100" value="${v.name}" aria-describedby="name-hint">
<label for="redirect_uris">Redirect URIs</label>
<p class="hint" id="redirect-hint">One per line. https, or http on localhost in the sandbox. Customers come back here after they approve.</p>
<textarea id="redirect_uris" name="redirect_uris" required aria-describedby="redirect-hint">${v.redirectUris.join('\n')}</textarea>
<fieldset>
<legend>Scopes</legend>
<p class="hint">What the app may ask customers for.</p>
${APP_SCOPES.map(
  (s) =>
    html`<label><input type="checkbox" name="scopes" value="${s}"${v.scopes.includes(s) ? html` checked` : ''}> <span><code>${s}</code> — ${SCOPE_TEXT[s] ?? s}</span></label>`,
)}
</fieldset>
<label for="ip_allowlist">IP allow-list</label>
<p class="hint" id="ip-hint">IPv4 or IPv6 addresses or CIDR blocks the app calls the API from, one per line. Empty: any address.</p>
<textarea id="ip_allowlist" name="ip_allowlist" aria-describedby="ip-hint">${v.ipAllowlist.join('\n')}</textarea>
<button type="submit" class="primary">${editing ? 'Save changes' : 'Create app'}</button>
<a class="button secondary" href="${editing ? `/portal/apps/${o.app?.clientId}` : '/portal/apps'}">Cancel</a>
</form>`,
    { ...chrome, breadcrumbs: crumbs(o.app) },
  );
}

const list = (items: readonly string[], empty: string): Html =>
  items.length ? html`<ul>${items.map((i) => html`<li><code>${i}</code></li>`)}</ul>` : html`${empty}`;

export function appPage(chrome: Chrome, app: App, tier: string, message?: string): string {
  return portalPage(
    app.name,
    html`<h1>${app.name}</h1>
${appTabs(app.clientId, 'overview')}
${notice(message)}
<h2>Credentials</h2>
<dl class="facts">
<dt>Client ID</dt><dd><code>${app.clientId}</code></dd>
<dt>Client secret</dt><dd>Shown once, when the app was created or the secret rotated. Lost it? Rotate the secret.</dd>
<dt>Token endpoint authentication</dt><dd><code>${app.tokenEndpointAuthMethod}</code></dd>
</dl>
<h2>Settings</h2>
<dl class="facts">
<dt>Status</dt><dd>${app.status === 'active' ? 'Active' : 'Suspended by the bank'}</dd>
<dt>Redirect URIs</dt><dd>${list(app.redirectUris, 'None')}</dd>
<dt>Scopes</dt><dd>${list(app.scopes, 'None')}</dd>
<dt>IP allow-list</dt><dd>${list(app.ipAllowlist, 'Any address')}</dd>
<dt>Rate-limit tier</dt><dd>${tier}</dd>
<dt>Created</dt><dd>${time(app.createdAt)}</dd>
<dt>Last changed</dt><dd>${time(app.updatedAt)}</dd>
</dl>
<p class="actions">
<a class="button primary" href="/portal/apps/${app.clientId}/edit">Edit settings</a>
<a class="button secondary" href="/portal/apps/${app.clientId}/rotate-secret">Rotate secret</a>
<a class="button secondary" href="/portal/apps/${app.clientId}/delete">Delete app</a>
</p>`,
    { ...chrome, breadcrumbs: crumbs() },
  );
}
