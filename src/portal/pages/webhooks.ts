/**
 * @module The webhooks pages of an app: its endpoints, the add/edit form (URL, description, event
 * types, enabled), and one endpoint with its actions (send a test event, rotate the signing secret,
 * delete) and its delivery log — every attempt with status, latency and the start of the response,
 * and a retry button.
 */
import type { App } from '../../developers/index.ts';
import { type Html, html } from '../../platform/http/html.ts';
import { EVENT_TYPES } from '../../platform/index.ts';
import type { Attempt, Endpoint } from '../../webhooks/index.ts';
import { appTabs, type Chrome, errorList, notice, portalPage, time } from '../layout.ts';

export const webhookCrumbs = (app: App, endpoint?: Endpoint) => [
  ['Your apps', '/portal/apps'] as const,
  [app.name, `/portal/apps/${app.clientId}`] as const,
  ['Webhooks', `/portal/apps/${app.clientId}/webhooks`] as const,
  ...(endpoint ? [[endpoint.url, `/portal/apps/${app.clientId}/webhooks/${endpoint.id}`] as const] : []),
];

const statusText = (e: Endpoint) =>
  e.status === 'enabled'
    ? e.failingSince
      ? html`<span class="status-bad">Failing since ${time(e.failingSince)}</span>`
      : html`<span class="status-ok">Enabled</span>`
    : html`<span class="status-bad">Disabled${e.disabledReason === 'failing' ? ' after failing for five days' : ''}</span>`;

export function webhooksPage(
  chrome: Chrome,
  app: App,
  endpoints: readonly Endpoint[],
  message?: string,
): string {
  return portalPage(
    `Webhooks of ${app.name}`,
    html`<h1>${app.name}</h1>
${appTabs(app.clientId, 'webhooks')}
${notice(message)}
<p>Wekeza POSTs events to your endpoints, signed the <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> way
(<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>); failed deliveries are retried for days.</p>
${
  endpoints.length
    ? html`<div class="table-wrap"><table>
<thead><tr><th scope="col">Endpoint</th><th scope="col">Events</th><th scope="col">Status</th></tr></thead>
<tbody>${endpoints.map(
        (
          e,
        ) => html`<tr><td><a href="/portal/apps/${app.clientId}/webhooks/${e.id}">${e.url}</a>${e.description ? html`<br><span class="muted">${e.description}</span>` : ''}</td>
<td>${e.eventTypes.map((t) => html`<code>${t}</code> `)}</td><td>${statusText(e)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>No endpoints yet.</p>`
}
<p><a class="button primary" href="/portal/apps/${app.clientId}/webhooks/new">Add an endpoint</a></p>`,
    { ...chrome, breadcrumbs: webhookCrumbs(app).slice(0, 2) },
  );
}

export interface EndpointFormValues {
  readonly url: string;
  readonly description: string;
  readonly eventTypes: readonly string[];
  readonly status: 'enabled' | 'disabled';
}

export function endpointFormPage(
  chrome: Chrome,
  o: { app: App; endpoint?: Endpoint; values: EndpointFormValues; errors?: readonly string[]; csrf: string },
): string {
  const base = `/portal/apps/${o.app.clientId}/webhooks`;
  const editing = o.endpoint !== undefined;
  const title = editing ? 'Edit the endpoint' : 'Add a webhook endpoint';
  const v = o.values;
  return portalPage(
    title,
    html`<h1>${title}</h1>
${errorList(o.errors ?? [])}
<form method="post" action="${editing ? `${base}/${o.endpoint?.id}` : base}">
<input type="hidden" name="csrf" value="${o.csrf}">
<label for="url">URL</label>
<p class="hint" id="url-hint">https, or http on localhost in the sandbox. We POST JSON events here.</p>
<input type="url" id="url" name="url" required maxlength="2048" value="${v.url}" aria-describedby="url-hint">
<label for="description">Description <span class="muted">(optional)</span></label>
<input type="text" id="description" name="description" maxlength="500" value="${v.description}">
<fieldset>
<legend>Event types</legend>
${EVENT_TYPES.map(
  (t) =>
    html`<label><input type="checkbox" name="event_types" value="${t}"${v.eventTypes.includes(t) ? html` checked` : ''}> <code>${t}</code></label>`,
)}
</fieldset>
${
  editing
    ? html`<fieldset><legend>Status</legend>
<label><input type="radio" name="status" value="enabled"${v.status === 'enabled' ? html` checked` : ''}> Enabled</label>
<label><input type="radio" name="status" value="disabled"${v.status === 'disabled' ? html` checked` : ''}> Disabled (receives nothing; pending deliveries are cancelled)</label>
</fieldset>`
    : ''
}
<button type="submit" class="primary">${editing ? 'Save changes' : 'Add endpoint'}</button>
<a class="button secondary" href="${editing ? `${base}/${o.endpoint?.id}` : base}">Cancel</a>
</form>`,
    { ...chrome, breadcrumbs: webhookCrumbs(o.app, o.endpoint) },
  );
}

function attemptRow(base: string, a: Attempt, csrf: string): Html {
  return html`<tr>
<td>${time(a.attemptedAt)}</td>
<td><code>${a.eventType}</code><br><span class="muted">${a.messageId}</span></td>
<td class="num">${a.attempt}</td>
<td>${a.succeeded ? html`<span class="status-ok">${a.statusCode ?? ''} OK</span>` : html`<span class="status-bad">${a.statusCode ?? 'No answer'}</span>`}${a.error ? html`<br><span class="muted">${a.error}</span>` : ''}</td>
<td class="num">${a.latencyMs}</td>
<td>${a.responseSnippet ? html`<details><summary>Response</summary><pre><code>${a.responseSnippet}</code></pre></details>` : '—'}</td>
<td>${a.messageStatus}${a.nextAttemptAt ? html`<br><span class="muted">next ${time(a.nextAttemptAt)}</span>` : ''}</td>
<td><form method="post" action="${base}/deliveries/${a.id}/retry"><input type="hidden" name="csrf" value="${csrf}">
<button type="submit" class="secondary small">Retry<span class="visually-hidden"> ${a.id}</span></button></form></td>
</tr>`;
}

export function endpointPage(
  chrome: Chrome,
  o: {
    app: App;
    endpoint: Endpoint;
    attempts: readonly Attempt[];
    olderBefore: string | undefined;
    csrf: string;
    message?: string | undefined;
  },
): string {
  const e = o.endpoint;
  const base = `/portal/apps/${o.app.clientId}/webhooks/${e.id}`;
  return portalPage(
    `Webhook endpoint ${e.url}`,
    html`<h1>Webhook endpoint</h1>
${appTabs(o.app.clientId, 'webhooks')}
${notice(o.message)}
<dl class="facts">
<dt>URL</dt><dd><code>${e.url}</code></dd>
<dt>Endpoint ID</dt><dd><code>${e.id}</code></dd>
${e.description ? html`<dt>Description</dt><dd>${e.description}</dd>` : ''}
<dt>Event types</dt><dd>${e.eventTypes.map((t) => html`<code>${t}</code> `)}</dd>
<dt>Status</dt><dd>${statusText(e)}</dd>
<dt>Signing secret</dt><dd>Shown once, when the endpoint was added or the secret rotated.${e.previousSecretExpiresAt ? html` The previous secret signs too until ${time(e.previousSecretExpiresAt)}.` : ''}</dd>
<dt>Added</dt><dd>${time(e.createdAt)}</dd>
</dl>
<div class="actions">
<form method="post" action="${base}/test"><input type="hidden" name="csrf" value="${o.csrf}"><button type="submit" class="primary">Send a test event</button></form>
<a class="button secondary" href="${base}/edit">Edit</a>
<a class="button secondary" href="${base}/rotate-secret">Rotate signing secret</a>
<a class="button secondary" href="${base}/delete">Delete</a>
</div>
<h2 id="deliveries">Deliveries</h2>
${
  o.attempts.length
    ? html`<div class="table-wrap"><table aria-labelledby="deliveries">
<thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col" class="num">Attempt</th><th scope="col">Result</th><th scope="col" class="num">Latency (ms)</th><th scope="col">Response</th><th scope="col">Delivery</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${o.attempts.map((a) => attemptRow(base, a, o.csrf))}</tbody></table></div>
${o.olderBefore ? html`<p><a href="${base}?before=${o.olderBefore}#deliveries">Older deliveries</a></p>` : ''}`
    : html`<p>No deliveries yet. Send a test event to see one. <a href="${base}#deliveries">Refresh</a></p>`
}`,
    { ...chrome, breadcrumbs: webhookCrumbs(o.app) },
  );
}
