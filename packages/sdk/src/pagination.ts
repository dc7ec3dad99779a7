/**
 * @module Pagination: the API's lists answer `{ data: [...], links: { next } }`; `paginate` yields
 * every item across pages, following `links.next` (an absolute URL carrying the cursor) until null.
 */
import type { WekezaPaths } from './client.ts';

interface Page<T> {
  readonly data: readonly T[];
  readonly links?: { readonly next?: string | null };
}

/** The GET paths that answer a page. */
export type ListPath = {
  [P in keyof WekezaPaths]: WekezaPaths[P] extends {
    get: {
      responses: { 200: { content: { 'application/json': { data: unknown[]; links: { next?: unknown } } } } };
    };
  }
    ? P
    : never;
}[keyof WekezaPaths];

/** An item of the list at path `P`. */
export type ItemOf<P extends ListPath> = WekezaPaths[P] extends {
  get: { responses: { 200: { content: { 'application/json': { data: (infer T)[] } } } } };
}
  ? T
  : never;

/**
 * Every item, page after page. `fetchPage` is called with the first page's URL, then each
 * `links.next`; it returns the parsed page (and throws on an error answer).
 */
export async function* paginate<T>(
  firstUrl: string,
  fetchPage: (url: string) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  let url: string | null | undefined = firstUrl;
  while (url) {
    const page: Page<T> = await fetchPage(url);
    yield* page.data;
    url = page.links?.next;
  }
}
