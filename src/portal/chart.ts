/**
 * @module A bar chart as server-rendered SVG (no chart library, no script): one bar per period, the
 * scale's top value and the first and last period labelled, each bar's value in a tooltip, and the
 * chart named and described for screen readers (the numbers are also in a table beside it).
 */
import { type Html, html } from '../platform/http/html.ts';

export interface BarChartInput {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly bars: readonly { readonly label: string; readonly value: number }[];
  readonly colour: string;
}

const W = 320;
const H = 150;
const LEFT = 34;
const BOTTOM = 22;
const TOP = 10;

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toFixed(1));

export function barChart(c: BarChartInput): Html {
  const max = Math.max(0, ...c.bars.map((b) => b.value));
  const scale = max > 0 ? max : 1;
  const slot = (W - LEFT) / Math.max(1, c.bars.length);
  const plot = H - TOP - BOTTOM;
  const first = c.bars[0]?.label ?? '';
  const last = c.bars.at(-1)?.label ?? '';
  const desc =
    max > 0
      ? `Highest ${fmt(max)} ${c.unit}, from ${first} to ${last}.`
      : `No ${c.unit} from ${first} to ${last}.`;
  return html`<figure class="chart">
<figcaption id="${c.id}-title">${c.title}</figcaption>
<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${c.id}-title ${c.id}-desc" focusable="false">
<desc id="${c.id}-desc">${desc}</desc>
<line x1="${LEFT}" y1="${TOP}" x2="${W}" y2="${TOP}" stroke="#cbd5d0" stroke-dasharray="4 4"/>
<line x1="${LEFT}" y1="${H - BOTTOM}" x2="${W}" y2="${H - BOTTOM}" stroke="#4a5568"/>
<text x="${LEFT - 6}" y="${TOP + 4}" text-anchor="end" font-size="11" fill="#4a5568">${fmt(max)}</text>
<text x="${LEFT - 6}" y="${H - BOTTOM + 4}" text-anchor="end" font-size="11" fill="#4a5568">0</text>
${c.bars.map((b, i) => {
  const h = (b.value / scale) * plot;
  const x = LEFT + i * slot + slot * 0.15;
  return html`<rect x="${x.toFixed(1)}" y="${(H - BOTTOM - h).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${c.colour}"><title>${b.label}: ${fmt(b.value)} ${c.unit}</title></rect>`;
})}
<text x="${LEFT}" y="${H - 5}" font-size="11" fill="#4a5568">${first}</text>
<text x="${W}" y="${H - 5}" text-anchor="end" font-size="11" fill="#4a5568">${last}</text>
</svg>
</figure>`;
}
