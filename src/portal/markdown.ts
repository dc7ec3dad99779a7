/**
 * @module A small Markdown renderer for the getting-started guide, enough for what it uses:
 * headings, paragraphs, bullet and numbered lists, fenced code (rendered copyable), inline code,
 * bold and links. Everything is escaped by the `html` tag; links keep only http(s) and site paths.
 */
import { Html, html } from '../platform/http/html.ts';
import { copyable } from './layout.ts';

const SAFE_HREF = /^(https?:\/\/|\/|#)/;

/** Inline markup: `code`, **bold** and [text](href). */
function inline(text: string): Html {
  const parts: (string | Html)[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(text.slice(last, m.index));
    if (m[1] !== undefined) parts.push(html`<code>${m[1]}</code>`);
    else if (m[2] !== undefined) parts.push(html`<strong>${m[2]}</strong>`);
    else if (m[3] !== undefined && m[4] !== undefined) {
      parts.push(SAFE_HREF.test(m[4]) ? html`<a href="${m[4]}">${m[3]}</a>` : m[3]);
    }
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(last));
  return html`${parts}`;
}

export function renderMarkdown(markdown: string): Html {
  const out: Html[] = [];
  const lines = markdown.split('\n');
  let i = 0;
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const fence = /^```(\w*)/.exec(line);
    if (fence) {
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) code.push(lines[i] ?? '');
      i++;
      out.push(copyable(fence[1] === 'sh' ? 'commands' : 'code', code.join('\n')));
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      // The level is a number and the id is [a-z0-9-]: safe to write as they are.
      const level = heading[1]?.length ?? 1;
      const text = heading[2] ?? '';
      out.push(html`${new Html(`<h${level} id="${slug(text)}">`)}${inline(text)}${new Html(`</h${level}>`)}`);
      i++;
      continue;
    }
    const item = /^(\s*)(-|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const ordered = item[2] !== '-';
      const items: string[] = [];
      while (i < lines.length) {
        const m = /^(-|\d+\.)\s+(.*)$/.exec(lines[i] ?? '');
        if (m) items.push(m[2] ?? '');
        else if (/^\s{2,}\S/.test(lines[i] ?? '') && items.length)
          items[items.length - 1] += ` ${(lines[i] ?? '').trim()}`;
        else break;
        i++;
      }
      const lis = items.map((t) => html`<li>${inline(t)}</li>`);
      out.push(ordered ? html`<ol>${lis}</ol>` : html`<ul>${lis}</ul>`);
      continue;
    }
    if (!line.trim() || line.startsWith('<!--')) {
      i++;
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() &&
      !/^(```|#{1,4}\s|-\s|\d+\.\s)/.test(lines[i] ?? '')
    ) {
      paragraph.push((lines[i] ?? '').trim());
      i++;
    }
    out.push(html`<p>${inline(paragraph.join(' '))}</p>`);
  }
  return html`${out}`;
}
