/**
 * @module An app's usage page: requests, errors and average latency over the last 24 hours (by
 * hour) and the last 30 days (by day) as server-rendered bar charts, each with its numbers in a
 * table, totals, the busiest routes, and the app's rate-limit tier.
 */
import type { App } from '../../developers/index.ts';
import { type Html, html } from '../../platform/http/html.ts';
import { barChart } from '../chart.ts';
import { appTabs, type Chrome, portalPage } from '../layout.ts';
import type { UsageRow } from '../options.ts';
import type { Bucket } from '../usage-series.ts';

export interface UsageWindow {
  readonly id: string;
  readonly title: string;
  readonly buckets: readonly Bucket[];
  readonly rows: readonly UsageRow[];
}

const n = (value: number) => value.toLocaleString('en-GB');

function routesTable(rows: readonly UsageRow[]): Html {
  const byRoute = new Map<string, { requests: number; errors: number }>();
  for (const r of rows) {
    const t = byRoute.get(r.route) ?? { requests: 0, errors: 0 };
    t.requests += r.requests;
    t.errors += r.errors;
    byRoute.set(r.route, t);
  }
  const top = [...byRoute].sort((a, b) => b[1].requests - a[1].requests).slice(0, 10);
  if (!top.length) return html``;
  return html`<div class="table-wrap"><table>
<caption class="muted">Busiest routes</caption>
<thead><tr><th scope="col">Route</th><th scope="col" class="num">Requests</th><th scope="col" class="num">Errors</th></tr></thead>
<tbody>${top.map(([route, t]) => html`<tr><td><code>${route}</code></td><td class="num">${n(t.requests)}</td><td class="num">${n(t.errors)}</td></tr>`)}</tbody>
</table></div>`;
}

function windowSection(w: UsageWindow): Html {
  const requests = w.buckets.reduce((s, b) => s + b.requests, 0);
  const errors = w.buckets.reduce((s, b) => s + b.errors, 0);
  const bars = (value: (b: Bucket) => number) => w.buckets.map((b) => ({ label: b.label, value: value(b) }));
  return html`<section aria-labelledby="${w.id}">
<h2 id="${w.id}">${w.title}</h2>
<p><strong>${n(requests)}</strong> requests, <strong>${n(errors)}</strong> errors${requests ? ` (${((errors / requests) * 100).toFixed(1)} %)` : ''}.</p>
<div class="charts">
${barChart({ id: `${w.id}-requests`, title: 'Requests', unit: 'requests', colour: '#0b6e4f', bars: bars((b) => b.requests) })}
${barChart({ id: `${w.id}-errors`, title: 'Errors (4xx and 5xx answers)', unit: 'errors', colour: '#b00020', bars: bars((b) => b.errors) })}
${barChart({ id: `${w.id}-latency`, title: 'Average latency (ms)', unit: 'ms', colour: '#14213d', bars: bars((b) => b.latencyMsAvg ?? 0) })}
</div>
<details><summary>The numbers</summary><div class="table-wrap"><table>
<thead><tr><th scope="col">Period (UTC)</th><th scope="col" class="num">Requests</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Average latency (ms)</th><th scope="col" class="num">Slowest (ms)</th></tr></thead>
<tbody>${w.buckets.map(
    (b) =>
      html`<tr><td>${b.period.replace('T', ' ').replace(':00.000Z', '')}</td><td class="num">${n(b.requests)}</td><td class="num">${n(b.errors)}</td><td class="num">${b.latencyMsAvg ?? '—'}</td><td class="num">${b.latencyMsMax ?? '—'}</td></tr>`,
  )}</tbody></table></div></details>
${routesTable(w.rows)}
</section>`;
}

export function usagePage(chrome: Chrome, app: App, tier: string, windows: readonly UsageWindow[]): string {
  return portalPage(
    `Usage of ${app.name}`,
    html`<h1>${app.name}</h1>
${appTabs(app.clientId, 'usage')}
<p>Every API call your app makes through the gateway, counted within a few seconds.
Rate-limit tier: <strong>${tier}</strong>. The bank can move your app to another tier.</p>
${windows.map(windowSection)}`,
    {
      ...chrome,
      breadcrumbs: [
        ['Your apps', '/portal/apps'],
        [app.name, `/portal/apps/${app.clientId}`],
      ],
    },
  );
}
