/**
 * @module Delta sync of an account's transactions for consumers that keep a copy. An account has two
 * numbered streams, each numbered under its balance-row lock and so in commit order: postings (`seq`)
 * and hold events (`placed_version`, `version`; see hold-feed.ts). Once a reader sees number n
 * committed, every smaller one is committed too. So a cursor of two numbers (sync-cursor.ts) fixes
 * exactly what the consumer holds — the postings up to `seq` in the window, and the holds pending as
 * of both numbers — and a page sends the difference between its two cursors, computed in one snapshot:
 *
 * - postings after `seq`, in order; one is `modified` when the consumer holds it as pending (a
 *   captured hold's posting keeps the hold's transaction id), else `added`;
 * - once the postings are exhausted, holds with an event after the hold version, in event order: one
 *   that becomes pending is `added`, one that stops being pending without a booked line is `removed`.
 *
 * Seeding writes two batches at once and is not commit-ordered: it runs before the API serves.
 */
import { AppError } from '../platform/index.ts';
import { bookedLines } from './booked-lines.ts';
import type { LedgerContext, Tx } from './context.ts';
import { type HoldRow, holdEvents, pendingAt, type Window, within } from './hold-feed.ts';
import { type BookedRow, toBookedTransaction, toPendingTransaction } from './ledger/mappers.ts';
import { decodeSyncCursor, encodeSyncCursor, START, type SyncPosition } from './sync-cursor.ts';
import { bound, MAX_PAGE_SIZE } from './transactions.ts';
import type { Transaction, TransactionChanges, TransactionWindow } from './types.ts';

export const DEFAULT_SYNC_PAGE = 100;

type Db = LedgerContext['db'] | Tx;

/** The account's postings after `seq` booked in the window, oldest first: a forward `(account_id, seq)` range. */
export function postingsAfter(db: Db, accountId: string, seq: number, w: Window, limit: number) {
  let q = bookedLines(db).where('p.account_id', '=', accountId).where('p.seq', '>', seq);
  if (w.from) q = q.where('p.booked_at', '>=', w.from);
  if (w.to) q = q.where('p.booked_at', '<=', w.to);
  return q.orderBy('p.seq').limit(limit);
}

type PostingRow = BookedRow & { placed_version: number | bigint | null };

/** A posting is `modified` when it books a hold the consumer holds as pending (same id). */
const wasPending = (row: PostingRow, start: SyncPosition, w: Window) =>
  row.placed_version !== null &&
  Number(row.placed_version) <= start.holdVersion &&
  within(w, row.authorised_at);

/** What the hold events between two cursors change for the consumer. */
function holdChange(row: HoldRow, from: SyncPosition, to: SyncPosition, w: Window) {
  const before = pendingAt(row, from, w);
  const after = pendingAt(row, to, w);
  if (!before && after) return 'added';
  // A capture booked in the window reached the consumer as its `modified` posting instead.
  const booked = row.status === 'captured' && within(w, row.captured_at);
  return before && !after && !booked ? 'removed' : null;
}

export async function syncTransactions(
  ctx: LedgerContext,
  accountId: string,
  window: TransactionWindow = {},
  page: { limit?: number; cursor?: string } = {},
): Promise<TransactionChanges> {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_SYNC_PAGE, 1), MAX_PAGE_SIZE);
  const w: Window = {
    from: window.bookedFrom ? bound(window.bookedFrom, false, 'booked_from') : undefined,
    to: window.bookedTo ? bound(window.bookedTo, true, 'booked_to') : undefined,
  };
  const start = page.cursor ? decodeSyncCursor(page.cursor, accountId, window) : START;
  const added: Transaction[] = [];
  const modified: Transaction[] = [];
  const removed: string[] = [];
  const finish = (next: SyncPosition, hasMore: boolean): TransactionChanges => ({
    added,
    modified,
    removed,
    nextCursor: encodeSyncCursor(next, accountId, window),
    hasMore,
  });
  // One snapshot for every read: a capture is seen whole (its posting and its hold) or not at all.
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const head = await trx
        .selectFrom('balances')
        .select(['last_seq', 'last_hold_version'])
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      if (!head) throw new AppError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist`);

      const postings = await postingsAfter(trx, accountId, start.seq, w, limit + 1).execute();
      const lines = postings.slice(0, limit);
      for (const row of lines) {
        (wasPending(row, start, w) ? modified : added).push(toBookedTransaction(row));
      }
      if (postings.length > limit) {
        return finish({ seq: Number(lines.at(-1)!.seq), holdVersion: start.holdVersion }, true);
      }
      // Every posting of the snapshot is read: the cursor also passes those outside the window.
      const seq = Math.max(Number(head.last_seq), start.seq);
      const room = limit - lines.length;
      const holds = await holdEvents(trx, accountId, start.holdVersion, room, Number(head.last_hold_version));
      const next = { seq, holdVersion: holds.reached };
      for (const row of holds.rows) {
        const change = holdChange(row, start, next, w);
        if (change === 'added') added.push(toPendingTransaction(row));
        if (change === 'removed') removed.push(row.transaction_id);
      }
      return finish(next, !holds.done);
    });
}
