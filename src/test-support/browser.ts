/**
 * @module Test fixture: a minimal browser for server-rendered flows — a cookie jar, manual redirects
 * (so each hop can be inspected), and form posts. Real HTTP against a real listening server.
 */

export class TestBrowser {
  readonly #cookies = new Map<string, string>();

  #remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    this.#remember(response);
    return response;
  }

  /** GETs `url` and follows redirects until a page answers or `stopAt` matches the next location. */
  async follow(
    url: string,
    stopAt?: (location: string) => boolean,
  ): Promise<{ url: string; response: Response }> {
    let current = url;
    for (let hops = 0; hops < 10; hops++) {
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      const next = new URL(location, current).toString();
      if (stopAt?.(next)) return { url: next, response };
      current = next;
    }
    throw new Error('too many redirects');
  }

  /** Posts a form (urlencoded; repeated fields from arrays) and returns the raw response. */
  async submit(url: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of [value].flat()) body.append(name, v);
    }
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }
}

/** The value of a hidden input, or the values of checkboxes, found in an HTML page. */
export const inputValue = (page: string, name: string): string | undefined =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];

export const inputValues = (page: string, name: string): string[] =>
  [...page.matchAll(new RegExp(`name="${name}" value="([^"]*)"`, 'g'))].map((m) => m[1] as string);
