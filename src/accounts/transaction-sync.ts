/**
 * @module The body of `GET /v1/accounts/{id}/transactions/sync`: the account's changes since the
 * cursor inside the consent's transaction window, with the cursor to keep and, while there is more,
 * the link to the next page.
 */
import type { CoreBanking } from '../core-banking/index.ts';
import { toTransaction } from './transaction-dto.ts';

export interface SyncRequest {
  readonly accountId: string;
  /** The consent's transaction window (`YYYY-MM-DD`, inclusive; null is open). */
  readonly window: { readonly from: string | null; readonly to: string | null };
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

export const DEFAULT_SYNC_LIMIT = 100;

export async function transactionChanges(bank: CoreBanking, publicUrl: string, r: SyncRequest) {
  const limit = r.limit ?? DEFAULT_SYNC_LIMIT;
  const changes = await bank.syncTransactions(
    r.accountId,
    { bookedFrom: r.window.from ?? undefined, bookedTo: r.window.to ?? undefined },
    { limit, cursor: r.cursor },
  );
  const self = new URL(`${publicUrl}/v1/accounts/${r.accountId}/transactions/sync`);
  if (r.cursor !== undefined) self.searchParams.set('cursor', r.cursor);
  if (r.limit !== undefined) self.searchParams.set('limit', String(r.limit));
  const next = new URL(self);
  next.searchParams.set('cursor', changes.nextCursor);
  return {
    added: changes.added.map(toTransaction),
    modified: changes.modified.map(toTransaction),
    removed: changes.removed.map((id) => ({ id })),
    next_cursor: changes.nextCursor,
    has_more: changes.hasMore,
    links: { self: self.toString(), next: changes.hasMore ? next.toString() : null },
  };
}
