/**
 * @module Pages around secrets and destructive actions: the one-time display of a new secret (app
 * client secret or webhook signing secret), and the confirmation page every destructive action
 * passes through (a form that POSTs, and a way back).
 */
import { type Html, html } from '../../platform/http/html.ts';
import { type Chrome, copyable, portalPage } from '../layout.ts';

export function secretPage(
  chrome: Chrome,
  o: {
    title: string;
    intro: string;
    facts: readonly (readonly [string, string])[];
    secretLabel: string;
    secret: string;
    next: readonly [href: string, label: string];
    breadcrumbs: readonly (readonly [string, string])[];
  },
): string {
  return portalPage(
    o.title,
    html`<h1>${o.title}</h1>
<p class="notice" role="status">${o.intro}</p>
<dl class="facts">${o.facts.map(([k, v]) => html`<dt>${k}</dt><dd><code>${v}</code></dd>`)}</dl>
<h2>${o.secretLabel}</h2>
<div class="warning"><strong>Copy it now.</strong> This is the only time it is shown: we keep only a digest of it.</div>
${copyable(o.secretLabel, o.secret)}
<p><a class="button primary" href="${o.next[0]}">${o.next[1]}</a></p>`,
    { ...chrome, breadcrumbs: o.breadcrumbs },
  );
}

export function confirmPage(
  chrome: Chrome,
  o: {
    title: string;
    message: Html | string;
    action: string;
    button: string;
    cancel: string;
    csrf: string;
    danger?: boolean;
    breadcrumbs: readonly (readonly [string, string])[];
  },
): string {
  return portalPage(
    o.title,
    html`<h1>${o.title}</h1>
<div class="warning">${o.message}</div>
<form method="post" action="${o.action}">
<input type="hidden" name="csrf" value="${o.csrf}">
<button type="submit" class="${o.danger ? 'danger' : 'primary'}">${o.button}</button>
<a class="button secondary" href="${o.cancel}">Cancel</a>
</form>`,
    { ...chrome, breadcrumbs: o.breadcrumbs },
  );
}
