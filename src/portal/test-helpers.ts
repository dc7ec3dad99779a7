/**
 * @module Test helpers for the portal's pages: a signed-in developer's browser (sign up through the
 * forms), form posts carrying the page's CSRF token, and reading values back out of the HTML.
 */
import assert from 'node:assert/strict';
import { inputValue, TestBrowser } from '../test-support/browser.ts';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Undoes the `html` tag's escaping. */
export const unescapeHtml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** The text of each copyable block with that label, in page order. */
export const copyBlocks = (page: string, label?: string): string[] =>
  [...page.matchAll(/<div data-copy="([^"]*)"><pre[^>]*><code>([\s\S]*?)<\/code><\/pre><\/div>/g)]
    .filter((m) => label === undefined || unescapeHtml(m[1] ?? '') === label)
    .map((m) => unescapeHtml(m[2] ?? ''));

export class PortalUser {
  readonly browser = new TestBrowser();
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async get(path: string): Promise<{ status: number; page: string; response: Response }> {
    const response = await this.browser.request(`${this.base}${path}`);
    return { status: response.status, page: await response.text(), response };
  }

  /** GETs `formPath`, then posts `fields` with its CSRF token to `action` (default: the same path). */
  async submit(
    formPath: string,
    fields: Record<string, string | string[]>,
    action = formPath,
  ): Promise<Response> {
    const { page } = await this.get(formPath);
    return this.browser.submit(`${this.base}${action}`, { csrf: inputValue(page, 'csrf') ?? '', ...fields });
  }

  async signUp(email: string, password = 'correct horse battery', name = 'Amani Dev'): Promise<Response> {
    const response = await this.submit('/portal/signup', { name, email, password });
    assert.equal(response.status, 303, await response.clone().text());
    return response;
  }

  /** Creates an app through the form; its id and the secret shown once. */
  async createApp(
    fields: Partial<Record<'name' | 'redirect_uris' | 'ip_allowlist', string>> & { scopes?: string[] } = {},
  ): Promise<{ clientId: string; clientSecret: string; page: string }> {
    const response = await this.submit(
      '/portal/apps/new',
      {
        name: 'Budget Buddy',
        redirect_uris: 'https://budget.example/callback',
        scopes: ['openid', 'offline_access', 'accounts.read', 'transactions.read'],
        ip_allowlist: '',
        ...fields,
      },
      '/portal/apps',
    );
    const page = await response.text();
    assert.equal(response.status, 201, page);
    const clientId = /<code>(app_[0-9A-Z]{26})<\/code>/.exec(page)?.[1];
    const [clientSecret] = copyBlocks(page, 'Client secret');
    assert.ok(clientId && clientSecret, page);
    return { clientId, clientSecret, page };
  }
}
