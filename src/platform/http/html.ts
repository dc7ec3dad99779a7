/**
 * @module Server-rendered pages of the customer interactions: one branded, accessible layout that
 * works without JavaScript, and an escaping template tag so no value reaches the page unescaped.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A fragment of trusted HTML (the output of `html`). */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const render = (value: unknown): string => {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
};

/** Template tag: interpolated values are escaped unless they are `Html` themselves. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

const STYLE = `
:root{--ink:#14213d;--muted:#4a5568;--brand:#0b6e4f;--brand-dark:#08523b;--bg:#f4f7f5;--line:#cbd5d0;--error:#b00020}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--brand);color:#fff;padding:.75rem 1.25rem}header strong{font-size:1.25rem;letter-spacing:.02em}
main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid var(--line);border-radius:.5rem}
h1{font-size:1.4rem;margin:0 0 1rem}label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=password]{width:100%;padding:.6rem;border:1px solid var(--muted);border-radius:.35rem;font:inherit}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.35rem;border:2px solid var(--brand);cursor:pointer;margin:1rem .5rem 0 0}
button.primary{background:var(--brand);color:#fff}button.secondary{background:#fff;color:var(--brand-dark)}
button:focus,input:focus{outline:3px solid #f0b429;outline-offset:2px}
.error{color:var(--error);font-weight:600}.muted{color:var(--muted)}ul.permissions{padding-left:1.25rem}
fieldset{border:1px solid var(--line);border-radius:.35rem;margin:1rem 0;padding:.5rem 1rem}
fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:center}`;

export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Wekeza</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header><strong>Wekeza</strong> <span>Bank</span></header>
<main>
${body}
</main>
</body>
</html>`.value;
}

/** The customer login form (fields `username` and `password`, a CSRF token), the same on every page. */
export const loginForm = (action: string, csrf: string, username = ''): Html =>
  html`<form method="post" action="${action}">
<input type="hidden" name="csrf" value="${csrf}">
<label for="username">Username</label>
<input type="text" id="username" name="username" autocomplete="username" required value="${username}">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" class="primary">Log in</button>
</form>`;
