/**
 * @module `listAll(client, path, init)`: every item of a paged list through the typed client, e.g.
 * `for await (const tx of listAll(client, '/v1/accounts/{account_id}/transactions', { params }))`.
 */
import type { FetchOptions } from 'openapi-fetch';
import { unwrap, type WekezaClient, type WekezaPaths } from './client.ts';
import { type ItemOf, type ListPath, paginate } from './pagination.ts';

export function listAll<P extends ListPath>(
  client: WekezaClient,
  path: P,
  init: FetchOptions<WekezaPaths[P]['get']>,
): AsyncGenerator<ItemOf<P>, void, undefined> {
  const get = client.GET as unknown as (
    path: string,
    init: unknown,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  let first = true;
  return paginate<ItemOf<P>>('first', async (url) => {
    if (first) {
      first = false;
      return unwrap(await get(path, init)) as never;
    }
    // links.next is absolute and carries the cursor; the path parameters are already in it.
    const next = new URL(url);
    return unwrap(
      await get(next.pathname, { params: { query: Object.fromEntries(next.searchParams) } }),
    ) as never;
  });
}
