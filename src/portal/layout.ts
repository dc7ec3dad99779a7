/**
 * @module The portal's page layout: skip link, header with navigation (and the log-out form when
 * signed in), breadcrumbs, an app's tabs, and small shared fragments (copyable code, error lists,
 * dates). Built with the platform's escaping `html` tag.
 */
import { type Html, html } from '../platform/http/html.ts';

export interface Chrome {
  /** The signed-in developer's name and CSRF token (for the log-out form). */
  readonly signedIn?: { readonly name: string; readonly csrf: string } | undefined;
  readonly breadcrumbs?: readonly (readonly [label: string, href: string])[];
  /** A narrow column, for the sign-up and log-in forms. */
  readonly narrow?: boolean;
}

export function portalPage(title: string, body: Html, chrome: Chrome = {}): string {
  const nav = chrome.signedIn
    ? html`<nav aria-label="Portal"><ul>
<li><a href="/portal/apps">Your apps</a></li>
<li><a href="/portal/guide">Getting started</a></li>
<li><a href="/docs">API reference</a></li>
</ul></nav>
<form method="post" action="/portal/logout"><input type="hidden" name="csrf" value="${chrome.signedIn.csrf}">
<button type="submit" class="secondary">Log out</button></form>`
    : html`<nav aria-label="Portal"><ul>
<li><a href="/portal/guide">Getting started</a></li>
<li><a href="/docs">API reference</a></li>
<li><a href="/portal/login">Log in</a></li>
<li><a href="/portal/signup">Sign up</a></li>
</ul></nav>`;
  const crumbs = chrome.breadcrumbs?.length
    ? html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>${chrome.breadcrumbs.map(
        ([label, href]) => html`<li><a href="${href}">${label}</a></li>`,
      )}</ol></nav>`
    : '';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Wekeza Developers</title>
<link rel="stylesheet" href="/portal/assets/portal.css">
<script src="/portal/assets/portal.js" defer></script>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="top"><a class="brand" href="/portal">Wekeza Developers</a>
${nav}
</header>
<main id="content"${chrome.narrow ? html` class="narrow"` : ''}>
${crumbs}
${body}
</main>
</body>
</html>`.value;
}

/** A block of code with a progressive-enhancement "Copy" button; focusable, to scroll it with the keyboard. */
export const copyable = (label: string, code: string): Html =>
  html`<div data-copy="${label}"><pre tabindex="0"><code>${code}</code></pre></div>`;

/** The list of problems with a submitted form. */
export const errorList = (errors: readonly string[]): Html | '' =>
  errors.length
    ? html`<div class="errors" role="alert"><p class="error">Please correct the following:</p><ul>${errors.map(
        (e) => html`<li>${e}</li>`,
      )}</ul></div>`
    : '';

export const notice = (text: string | undefined): Html | '' =>
  text ? html`<p class="notice" role="status">${text}</p>` : '';

const dateText = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const time = (iso: string | null | undefined): Html | string =>
  iso ? html`<time datetime="${iso}">${dateText(iso)} UTC</time>` : '—';

/** The tabs of one app's pages. */
export function appTabs(clientId: string, current: 'overview' | 'usage' | 'sandbox' | 'webhooks'): Html {
  const tab = (key: typeof current, label: string, path: string) =>
    html`<li><a href="/portal/apps/${clientId}${path}"${key === current ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="tabs" aria-label="App sections"><ul>
${tab('overview', 'Overview', '')}${tab('usage', 'Usage', '/usage')}${tab('sandbox', 'Sandbox', '/sandbox')}${tab('webhooks', 'Webhooks', '/webhooks')}
</ul></nav>`;
}
